// Allocation: the shared pool for small unsafe allocations, alignment,
// zero-filled alloc, fill arguments, and size validation.
const { Buffer, kMaxLength, constants } = require('buffer');
console.log(Buffer.poolSize, kMaxLength, constants.MAX_LENGTH, constants.MAX_STRING_LENGTH);
const a = Buffer.allocUnsafe(10);
const b = Buffer.allocUnsafe(10);
console.log(a.buffer === b.buffer, a.buffer.byteLength, b.byteOffset - a.byteOffset, b.byteOffset % 8);
const big = Buffer.allocUnsafe(5000);
console.log(big.buffer.byteLength, big.byteOffset);
console.log(Buffer.allocUnsafeSlow(10).buffer.byteLength, Buffer.from('small').buffer.byteLength, Buffer.from('x'.repeat(4096)).buffer.byteLength);
console.log(Buffer.alloc(4), Buffer.alloc(5, 'ab'), Buffer.alloc(5, 'aGk=', 'base64'), Buffer.alloc(4, 257), Buffer.alloc(3, Buffer.from([1, 2])), Buffer.alloc(0, 'x'), Buffer.alloc(4, ''));
console.log(Buffer.alloc(6, '€'), Buffer.alloc(4, 'ab', 'utf16le'), Buffer.alloc(3, true), Buffer.alloc(3, 3.7));
for (const bad of [-1, 'a', NaN, 2 ** 33, undefined, {}]) {
  try { Buffer.alloc(bad); console.log('ok', bad); } catch (e) { console.log(e.name, e.code, e.message); }
  try { Buffer.allocUnsafe(bad); console.log('ok', bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
try { Buffer.alloc(2, 'zz', 'hex') } catch (e) { console.log(e.name, e.code, e.message) }
try { Buffer.alloc(2, 'a', 'nope') } catch (e) { console.log(e.name, e.code, e.message) }
try { Buffer.alloc(2, Buffer.alloc(0)) } catch (e) { console.log(e.name, e.code, e.message) }
console.log(Buffer.of(1, 2, 300), Buffer.from([1.5, -1, '7', 'x']), Buffer.from({ length: 3, 0: 9 }), Buffer.from({ type: 'Buffer', data: [1, 2] }));
const ab = new ArrayBuffer(8);
const v = Buffer.from(ab, 2, 3);
v[0] = 42;
console.log(v, new Uint8Array(ab)[2], Buffer.from(ab, 6).length, Buffer.from(new Uint16Array([1, 0x102])));
try { Buffer.from(ab, 9) } catch (e) { console.log(e.name, e.code, e.message) }
try { Buffer.from(ab, 2, 7) } catch (e) { console.log(e.name, e.code, e.message) }
for (const bad of [1, null, undefined, Symbol('s'), () => 1, true]) {
  try { Buffer.from(bad) } catch (e) { console.log(e.name, e.code, e.message) }
}
console.log(Buffer.from(new String('str')), Buffer.from({ [Symbol.toPrimitive]() { return 'prim'; } }));
console.log(Buffer.concat([Buffer.from('ab'), new Uint8Array([99]), Buffer.alloc(0)]), Buffer.concat([Buffer.from('abc')], 2), Buffer.concat([Buffer.from('a')], 3), Buffer.concat([]));
try { Buffer.concat([Buffer.from('a'), 'b']) } catch (e) { console.log(e.name, e.code, e.message) }
try { Buffer.concat('ab') } catch (e) { console.log(e.name, e.code, e.message) }
console.log(Buffer.isBuffer(Buffer.alloc(1)), Buffer.isBuffer(new Uint8Array(1)), Buffer.alloc(1) instanceof Uint8Array, Object.getPrototypeOf(Buffer) === Uint8Array);
console.log(Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1), Buffer.copyBytesFrom(new Uint8Array([5, 6, 7]), 1, 1));
