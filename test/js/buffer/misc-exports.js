// The buffer module's other exports: transcode, isUtf8, isAscii, SlowBuffer,
// constants; and the deprecated Buffer() constructor's warning.
const buffer = require('buffer');
console.log(Object.keys(buffer).sort().join());
console.log(buffer.transcode(Buffer.from('héllo €'), 'utf8', 'latin1'), buffer.transcode(Buffer.from('hé'), 'utf8', 'ucs2'), buffer.transcode(Buffer.from('hé', 'latin1'), 'latin1', 'utf8'), buffer.transcode(Buffer.from('a€'), 'utf8', 'ascii'));
console.log(buffer.isUtf8(Buffer.from('héllo')), buffer.isUtf8(Buffer.from([0xc3])), buffer.isUtf8(new ArrayBuffer(2)), buffer.isAscii(Buffer.from('abc')), buffer.isAscii(Buffer.from('é')), buffer.isUtf8(Buffer.from([0xed, 0xa0, 0x80])));
for (const t of [() => buffer.isUtf8('x'), () => buffer.isAscii(1), () => buffer.transcode('x', 'utf8', 'latin1')]) {
  try { console.log(t()); } catch (e) { console.log(e.name, e.code, e.message); }
}
const sb = buffer.SlowBuffer(4);
console.log(sb.length, sb instanceof Uint8Array);
