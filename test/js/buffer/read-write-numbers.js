// Every integer, float and BigInt read/write method, with range and bounds
// errors.
const b = Buffer.alloc(16);
let off = 0;
off = b.writeUInt8(0xfe, off); off = b.writeInt8(-2, off); off = b.writeUInt16LE(0xbeef, off); off = b.writeUInt16BE(0xbeef, off);
off = b.writeInt16LE(-300, off); off = b.writeInt32BE(-123456, off); off = b.writeUInt32LE(0xdeadbeef, off);
console.log(off, b);
console.log(b.readUInt8(0), b.readInt8(1), b.readUInt16LE(2), b.readUInt16BE(4), b.readInt16LE(6), b.readInt32BE(8), b.readUInt32LE(12).toString(16));
console.log(b.readUint8(0), b.readUint16LE(2), b.readUint32BE(12), b.readInt16BE(2), b.readInt32LE(12));
for (const n of [1, 2, 3, 4, 5, 6]) {
  const c = Buffer.alloc(8);
  c.writeUIntLE(2 ** (8 * n) - 3, 0, n); console.log('uintLE', n, c.readUIntLE(0, n), c.readIntLE(0, n), c);
  c.writeUIntBE(2 ** (8 * n) - 3, 1, n); console.log('uintBE', n, c.readUIntBE(1, n), c.readIntBE(1, n));
  c.writeIntLE(-(2 ** (8 * n - 1)), 0, n); console.log('intLE', n, c.readIntLE(0, n), c.readUIntLE(0, n));
  c.writeIntBE(2 ** (8 * n - 1) - 1, 2, n); console.log('intBE', n, c.readIntBE(2, n));
}
const f = Buffer.alloc(8);
f.writeFloatLE(1.5); console.log(f.readFloatLE(), f.readFloatBE(), f);
f.writeFloatBE(-0.1); console.log(f.readFloatBE(), f);
f.writeDoubleBE(Math.PI); console.log(f.readDoubleBE(), f.readDoubleLE(), f);
f.writeDoubleLE(NaN); console.log(f.readDoubleLE(), f);
f.writeFloatLE(Infinity, 4); console.log(f.readFloatLE(4));
f.writeBigInt64LE(-2n); console.log(f.readBigInt64LE(), f.readBigUInt64LE(), f);
f.writeBigUInt64BE(2n ** 64n - 5n); console.log(f.readBigUInt64BE(), f.readBigInt64BE(), f.readBigUint64LE());
const tries = [
  () => b.readUInt8(16), () => b.readUInt16LE(15), () => b.readUInt32BE(-1), () => b.readInt8(1.5), () => b.readInt8('1'),
  () => b.readDoubleLE(9), () => b.readBigInt64LE(10), () => b.readUIntLE(0, 7), () => b.readUIntLE(0), () => b.readIntBE(undefined, 2),
  () => b.writeUInt8(256), () => b.writeUInt8(-1), () => b.writeInt8(128), () => b.writeUInt16LE(65536), () => b.writeInt16BE(-32769),
  () => b.writeUInt32LE(2 ** 32), () => b.writeInt32LE(2 ** 31), () => b.writeUInt32LE(1, 13), () => b.writeUIntLE(2 ** 40, 0, 5),
  () => b.writeIntLE(2 ** 47, 0, 6), () => b.writeUIntBE(1, 0, 0), () => b.writeBigInt64LE(2n ** 63n), () => b.writeBigUInt64LE(-1n),
  () => b.writeBigUInt64LE(1), () => b.writeDoubleLE(1, 9), () => b.writeFloatBE(1, 13), () => b.writeUInt8(1, 16),
  () => Buffer.alloc(0).readUInt8(0), () => Buffer.alloc(1).readUInt16LE(0),
];
for (const t of tries) {
  try { console.log('ok', t()); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(b.writeUInt8(3.9, 0), b[0], b.writeUInt16LE(1.5, 0), b.readUInt16LE(0), b.writeInt8('5', 1), b[1]);
