// ChaCha20-Poly1305 (RFC 8439 section 2.8.2 test vector), tampering,
// and plain ChaCha20.
const crypto = require('crypto');
const hex = (s) => Buffer.from(s, 'hex');
const key = hex('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
const nonce = hex('070000004041424344454647');
const aad = hex('50515253c0c1c2c3c4c5c6c7');
const pt = Buffer.from("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");
const c = crypto.createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
c.setAAD(aad, { plaintextLength: pt.length });
const ct = Buffer.concat([c.update(pt), c.final()]);
const tag = c.getAuthTag();
console.log(ct.toString('hex'));
console.log(tag.toString('hex'));
const d = crypto.createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
d.setAAD(aad, { plaintextLength: ct.length });
d.setAuthTag(tag);
console.log(Buffer.concat([d.update(ct), d.final()]).toString());
// a flipped ciphertext bit fails authentication
const bad = Buffer.from(ct);
bad[3] ^= 1;
const e = crypto.createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
e.setAAD(aad);
e.setAuthTag(tag);
e.update(bad);
try {
  e.final();
} catch (err) {
  console.log('tampered:', err.message);
}
// the default tag length is 16
const f = crypto.createCipheriv('chacha20-poly1305', key, nonce);
f.update('x');
f.final();
console.log('default tag', f.getAuthTag().length);
// plain ChaCha20: 16-byte IV (counter + nonce)
const s = crypto.createCipheriv('chacha20', key, Buffer.alloc(16));
console.log('chacha20', s.update(Buffer.alloc(32)).toString('hex'));
