// RSA encryption (OAEP with SHA-1/SHA-256 and labels, PKCS#1 v1.5,
// privateEncrypt/publicDecrypt), ECDH (createECDH, point formats,
// setPrivateKey with a known scalar) and diffieHellman with X25519/EC keys.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
function t(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', Buffer.isBuffer(r) ? r.toString() : r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
const rsaPem = fs.readFileSync(path.join(__dirname, 'rsa.pem'), 'utf8');
const priv = crypto.createPrivateKey(rsaPem);
const pub = crypto.createPublicKey(priv);
const msg = Buffer.from('secret for rsa');
const c1 = crypto.publicEncrypt(pub, msg);
console.log('oaep length', c1.length, crypto.privateDecrypt(priv, c1).toString());
const c2 = crypto.publicEncrypt({ key: pub, oaepHash: 'sha256', oaepLabel: Buffer.from('L') }, msg);
console.log('oaep sha256', crypto.privateDecrypt({ key: priv, oaepHash: 'sha256', oaepLabel: Buffer.from('L') }, c2).toString());
const c3 = crypto.publicEncrypt({ key: rsaPem, padding: crypto.constants.RSA_PKCS1_PADDING }, msg);
console.log('pkcs1 encrypt from pem', c3.length);
t('pkcs1 private decrypt (refused since CVE-2023-46809)', () => crypto.privateDecrypt({ key: rsaPem, padding: crypto.constants.RSA_PKCS1_PADDING }, c3));
const s = crypto.privateEncrypt(priv, msg);
console.log('privateEncrypt deterministic', s.toString('base64').slice(0, 24), crypto.publicDecrypt(pub, s).toString());
t('wrong label', () => crypto.privateDecrypt({ key: priv, oaepHash: 'sha256', oaepLabel: Buffer.from('M') }, c2));
t('wrong hash', () => crypto.privateDecrypt({ key: priv, oaepHash: 'sha1' }, c2));
t('too large', () => crypto.publicEncrypt(pub, Buffer.alloc(300)));
t('decrypt with public', () => crypto.privateDecrypt(pub, c1));

// ECDH with fixed private scalars: the shared secret and public keys are
// deterministic, so they must equal Node's.
const a = crypto.createECDH('prime256v1');
const b = crypto.createECDH('prime256v1');
a.setPrivateKey(Buffer.alloc(32, 1));
b.setPrivateKey('02'.repeat(32), 'hex');
console.log('a pub', a.getPublicKey('hex'));
console.log('a pub compressed', a.getPublicKey('hex', 'compressed'));
console.log('a pub hybrid', a.getPublicKey('base64', 'hybrid'));
console.log('a priv', a.getPrivateKey('hex'));
const s1 = a.computeSecret(b.getPublicKey());
const s2 = b.computeSecret(a.getPublicKey('hex'), 'hex', 'hex');
console.log('secret', s1.toString('hex'), s1.toString('hex') === s2);
const g = crypto.createECDH('secp384r1');
console.log('generated', g.generateKeys().length, g.getPrivateKey().length, g.generateKeys('hex', 'compressed').length);
t('bad curve', () => crypto.createECDH('nope'));
t('bad point', () => a.computeSecret(Buffer.alloc(5)));
t('bad format', () => a.getPublicKey('hex', 'weird'));
t('zero scalar', () => crypto.createECDH('prime256v1').setPrivateKey(Buffer.alloc(32)));

// X25519 private keys from fixed bytes (PKCS#8 DER: a fixed prefix + 32 bytes).
const x25519 = (byte) => crypto.createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b656e04220420', 'hex'), Buffer.alloc(32, byte)]),
  format: 'der', type: 'pkcs8',
});
const x1 = x25519(7);
const x2 = x25519(9);
const d1 = crypto.diffieHellman({ privateKey: x1, publicKey: crypto.createPublicKey(x2) });
const d2 = crypto.diffieHellman({ privateKey: x2, publicKey: crypto.createPublicKey(x1) });
console.log('x25519', d1.toString('hex'), d1.equals(d2));
const e1 = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
const e2 = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
console.log('ec dh', crypto.diffieHellman({ privateKey: e1.privateKey, publicKey: e2.publicKey }).equals(
  crypto.diffieHellman({ privateKey: e2.privateKey, publicKey: e1.publicKey })));
t('dh mismatch', () => crypto.diffieHellman({ privateKey: x1, publicKey: e1.publicKey }));
t('dh public as private', () => crypto.diffieHellman({ privateKey: e1.publicKey, publicKey: e2.publicKey }));
