// createCipheriv/createDecipheriv: AES-CBC/CTR/ECB/GCM known answers (NIST
// SP 800-38A F.2.1, F.5.1; GCM test case 4 of the McGrew-Viega paper), padding,
// round trips in uneven chunks, and output encodings.
const crypto = require('crypto');
const hex = (s) => Buffer.from(s, 'hex');
const key128 = hex('2b7e151628aed2a6abf7158809cf4f3c');
const pt = hex('6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51');
// CBC without padding: F.2.1
const cbc = crypto.createCipheriv('aes-128-cbc', key128, hex('000102030405060708090a0b0c0d0e0f'));
cbc.setAutoPadding(false);
console.log('cbc', Buffer.concat([cbc.update(pt), cbc.final()]).toString('hex'));
// CTR: F.5.1
const ctr = crypto.createCipheriv('aes-128-ctr', key128, hex('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'));
console.log('ctr', ctr.update(pt).toString('hex'), ctr.final().length);
// ECB takes no IV
const ecb = crypto.createCipheriv('aes-128-ecb', key128, null);
ecb.setAutoPadding(false);
console.log('ecb', ecb.update(pt.subarray(0, 16)).toString('hex'));
// PKCS#7 padding lengths
for (const n of [0, 1, 15, 16, 17, 33]) {
  const c = crypto.createCipheriv('aes-256-cbc', Buffer.alloc(32, 1), Buffer.alloc(16, 2));
  const ct = Buffer.concat([c.update(Buffer.alloc(n, 0x41)), c.final()]);
  const d = crypto.createDecipheriv('aes-256-cbc', Buffer.alloc(32, 1), Buffer.alloc(16, 2));
  const back = Buffer.concat([d.update(ct), d.final()]);
  console.log('pad', n, ct.length, ct.toString('base64'), back.equals(Buffer.alloc(n, 0x41)));
}
// GCM test case 4 (with AAD, 60-byte plaintext)
const gk = hex('feffe9928665731c6d6a8f9467308308');
const giv = hex('cafebabefacedbaddecaf888');
const gpt = hex('d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39');
const aad = hex('feedfacedeadbeeffeedfacedeadbeefabaddad2');
const g = crypto.createCipheriv('aes-128-gcm', gk, giv);
g.setAAD(aad);
const gct = Buffer.concat([g.update(gpt), g.final()]);
console.log('gcm ct', gct.toString('hex'));
console.log('gcm tag', g.getAuthTag().toString('hex'));
const gd = crypto.createDecipheriv('aes-128-gcm', gk, giv);
gd.setAAD(aad);
gd.setAuthTag(g.getAuthTag());
console.log('gcm back', Buffer.concat([gd.update(gct), gd.final()]).equals(gpt));
// a short tag with authTagLength, and a 16-byte IV
const s = crypto.createCipheriv('aes-192-gcm', Buffer.alloc(24, 3), Buffer.alloc(16, 4), { authTagLength: 8 });
const sct = Buffer.concat([s.update('short tag'), s.final()]);
console.log('gcm8', sct.toString('hex'), s.getAuthTag().toString('hex'));
const sd = crypto.createDecipheriv('aes-192-gcm', Buffer.alloc(24, 3), Buffer.alloc(16, 4), { authTagLength: 8 });
sd.setAuthTag(s.getAuthTag());
console.log('gcm8 back', sd.update(sct, undefined, 'utf8') + sd.final('utf8'));
// uneven chunks and string encodings
const key = crypto.scryptSync('pw', 'salt', 32);
const iv = Buffer.alloc(16, 5);
const text = 'The quick brown fox 🦊 jumps over the lazy dog, '.repeat(5);
const c = crypto.createCipheriv('aes-256-cbc', key, iv);
let b64 = '';
for (let i = 0; i < text.length; i += 7) b64 += c.update(text.slice(i, i + 7), 'utf8', 'base64');
b64 += c.final('base64');
console.log('b64', b64);
const d = crypto.createDecipheriv('aes-256-cbc', key, iv);
let out = '';
for (let i = 0; i < b64.length; i += 12) out += d.update(b64.slice(i, i + 12), 'base64', 'utf8');
out += d.final('utf8');
console.log('utf8 back', out === text);
const h = crypto.createCipheriv('aes-256-ctr', key, iv);
console.log('hex', h.update('abc', 'utf8', 'hex') + h.final('hex'));
// keys as KeyObject and string, IV as string
const ko = crypto.createSecretKey(Buffer.from('0123456789abcdef'));
const k1 = crypto.createCipheriv('aes-128-cbc', ko, '0123456789abcdef').update('x'.repeat(16)).toString('hex');
const k2 = crypto.createCipheriv('aes-128-cbc', '0123456789abcdef', Buffer.from('0123456789abcdef')).update('x'.repeat(16)).toString('hex');
console.log('key forms', k1 === k2, k1);
