// The deprecated Buffer() constructor: works, warns once (DEP0005).
process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));
const old = Buffer(3);
const old2 = new Buffer('ab');
console.log(old.length, old2.toString(), Buffer.isBuffer(old));
try { Buffer(1, 'utf8'); } catch (e) { console.log(e.name, e.code, e.message); }
