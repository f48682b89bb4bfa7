// objectMode Writable: any value but null is written as is; highWaterMark
// counts objects; writev gets objects; mixed readableObjectMode/
// writableObjectMode on a Transform.
const { Writable, Transform } = require('stream');
const w = new Writable({
  objectMode: true,
  highWaterMark: 2,
  write(o, enc, cb) { console.log('write', JSON.stringify(o), enc); setImmediate(cb); },
});
console.log(w.write({ a: 1 }), w.write(5), w.write('s'), w.writableLength);
try { w.write(null); } catch (e) { console.log(e.code); }
w.write(undefined, () => console.log('undefined written'));
w.end(() => console.log('finished'));

const parse = new Transform({
  writableObjectMode: false,
  readableObjectMode: true,
  transform(chunk, enc, cb) { cb(null, { len: chunk.length, text: String(chunk) }); },
});
parse.on('data', (o) => console.log('parsed', o));
parse.write('hello');
parse.end(Buffer.from('bye'));
const toText = new Transform({
  writableObjectMode: true,
  transform(obj, enc, cb) { cb(null, JSON.stringify(obj) + '\n'); },
});
toText.on('data', (b) => console.log('text', Buffer.isBuffer(b), String(b).trim()));
toText.end({ k: [1, 2] });
