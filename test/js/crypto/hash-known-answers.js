// createHash: known answers for the common digests, every output encoding,
// SHA-3/BLAKE2, XOF output lengths, copy(), case-insensitive names and aliases.
const crypto = require('crypto');
const inputs = ['', 'abc', 'The quick brown fox jumps over the lazy dog', 'é€😀'];
for (const alg of ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-256',
  'sha3-256', 'sha3-512', 'blake2b512', 'blake2s256', 'ripemd160', 'sm3']) {
  for (const s of inputs) console.log(alg, JSON.stringify(s), crypto.createHash(alg).update(s).digest('hex'));
}
const h = crypto.createHash('sha256').update('abc');
for (const enc of ['base64', 'base64url', 'latin1', 'binary']) {
  console.log(enc, JSON.stringify(crypto.createHash('sha256').update('abc').digest(enc)));
}
console.log(h.digest().constructor.name, crypto.createHash('md5').digest('buffer').length);
console.log('SHA256', crypto.createHash('SHA256').update('x').digest('hex'));
console.log('RSA-SHA256', crypto.createHash('RSA-SHA256').update('x').digest('hex'));
console.log('shake128', crypto.createHash('shake128').update('x').digest('hex'));
console.log('shake256/5', crypto.createHash('shake256', { outputLength: 5 }).update('x').digest('hex'));
console.log('shake256/0', crypto.createHash('shake256', { outputLength: 0 }).update('x').digest('hex'));
console.log('shake256/100', crypto.createHash('shake256', { outputLength: 100 }).update('x').digest('hex'));
// update with encodings and typed arrays
console.log(crypto.createHash('sha1').update('616263', 'hex').digest('hex'));
console.log(crypto.createHash('sha1').update('YWJj', 'base64').digest('hex'));
console.log(crypto.createHash('sha1').update(new Uint16Array([0x6261, 0x63])).digest('hex'));
console.log(crypto.createHash('sha1').update(new DataView(new Uint8Array([97, 98, 99]).buffer)).digest('hex'));
console.log(crypto.createHash('sha1').update('a').update('b').update('c').digest('hex'));
// copy keeps the state; copies are independent
const a = crypto.createHash('sha256').update('hello ');
const b = a.copy();
a.update('world');
b.update('there');
console.log(a.digest('hex'));
console.log(b.digest('hex'));
const x = crypto.createHash('shake256').update('x');
console.log(x.copy({ outputLength: 8 }).digest('hex'), x.digest('hex'));
// crypto.hash one-shot (20.12+)
console.log(crypto.hash('sha1', 'abc'), crypto.hash('md5', Buffer.from('abc'), 'base64'));
// a 1 MB input in uneven chunks equals the one-shot digest
const big = Buffer.alloc(1 << 20);
for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 255;
const inc = crypto.createHash('sha256');
for (let off = 0; off < big.length; off += 7919) inc.update(big.subarray(off, off + 7919));
console.log(inc.digest('hex') === crypto.createHash('sha256').update(big).digest('hex'),
  crypto.createHash('sha256').update(big).digest('hex'));
