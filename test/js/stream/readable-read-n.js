// read(n): partial reads across chunks, read(0), reading past the end,
// objectMode returning one item, and highWaterMark growth for big n.
const { Readable } = require('stream');
const r = new Readable({ read() {} });
r.push('hello ');
r.push('world');
r.push(null);
r.once('readable', () => {
  console.log(String(r.read(3)), String(r.read(5)), r.readableLength);
  console.log(r.read(100) + '', r.read(), r.readableEnded);
  r.on('end', () => console.log('end', r.readableEnded));
});

const o = new Readable({ objectMode: true, read() {} });
o.push({ a: 1 });
o.push('s');
o.push(7);
console.log(o.read(5), o.read(), o.read(0), o.readableLength);

const big = new Readable({ read() {} });
console.log(big.readableHighWaterMark);
big.read(20000);
console.log(big.readableHighWaterMark);
try { big.read(2 ** 31); } catch (e) { console.log(e.code, e.name, e.message); }
