// swap16/32/64 (small and large buffers), toJSON round trip, inspect and
// INSPECT_MAX_BYTES, legacy xxxSlice/xxxWrite, parent/offset.
const buffer = require('buffer');
const util = require('util');
const mk = (n) => Buffer.from(Array.from({ length: n }, (_, i) => i & 255));
console.log(mk(8).swap16(), mk(8).swap32(), mk(16).swap64(), mk(400).swap16().subarray(0, 6), mk(400).swap32().subarray(396), mk(400).swap64().subarray(0, 8));
for (const t of [() => mk(3).swap16(), () => mk(6).swap32(), () => mk(12).swap64()]) {
  try { t(); } catch (e) { console.log(e.name, e.code, e.message); }
}
const b = Buffer.from('hello');
const j = JSON.stringify(b);
console.log(j, Buffer.from(JSON.parse(j)).toString(), b.toJSON(), Buffer.alloc(0).toJSON());
console.log(util.inspect(mk(60)), util.inspect(mk(51)), util.inspect(Buffer.alloc(0)));
const x = Buffer.from('ab');
x.extra = 1;
console.log(util.inspect(x), util.inspect(x, { showHidden: true }).length > 0, [x], { b: Buffer.from([1]) });
buffer.INSPECT_MAX_BYTES = 2;
console.log(util.inspect(mk(5)), buffer.INSPECT_MAX_BYTES);
try { buffer.INSPECT_MAX_BYTES = 'x'; } catch (e) { console.log(e.name, e.code, e.message); }
buffer.INSPECT_MAX_BYTES = 50;
console.log(b.latin1Slice(1, 3), b.hexSlice(0, 2), b.base64Slice(), b.utf8Slice(1), b.asciiSlice(0, 1), b.ucs2Slice(0, 4));
const w = Buffer.alloc(4);
console.log(w.utf8Write('ab', 1), w.latin1Write('\u00ff', 0), w.hexWrite('0102', 2), w);
console.log(b.parent === b.buffer, b.offset === b.byteOffset, typeof b.toLocaleString(), b.toLocaleString === b.toString);
class MyBuf extends Buffer {}
console.log(Buffer.from('a').constructor.name, Buffer[Symbol.species] !== Buffer, b.map((c) => c + 1).toString(), Buffer.isBuffer(b.map((c) => c)));
