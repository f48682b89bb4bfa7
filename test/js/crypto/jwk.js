// JWK import and export: RSA (public and private, round trip through
// createPrivateKey/createPublicKey), EC private keys (d checked against x/y),
// OKP keys, and invalid JWKs.
const crypto = require('crypto');
function t(label, fn) {
  try {
    console.log(label, 'ok', fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
// A fresh RSA key: only facts about it are printed.
const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
const jwk = rsa.export({ format: 'jwk' });
const back = crypto.createPrivateKey({ key: jwk, format: 'jwk' });
console.log('rsa private round trip', back.equals(rsa), back.asymmetricKeyDetails.modulusLength, back.asymmetricKeyDetails.publicExponent);
const pub = crypto.createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
console.log('rsa public', pub.type, pub.equals(crypto.createPublicKey(rsa)));
const sig = crypto.sign('sha256', Buffer.from('m'), back);
console.log('sign with imported, verify with imported public', crypto.verify('sha256', Buffer.from('m'), pub, sig));
// EC: d = 32 bytes of 0x01 on P-256 gives a fixed public point
const d = Buffer.alloc(32, 1).toString('base64url');
const full = crypto.createECDH('prime256v1').setPrivateKey(Buffer.alloc(32, 1)).getPublicKey();
const x = full.subarray(1, 33).toString('base64url'), y = full.subarray(33).toString('base64url');
const ec = crypto.createPrivateKey({ key: { kty: 'EC', crv: 'P-256', d, x, y }, format: 'jwk' });
console.log('ec private', JSON.stringify(ec.export({ format: 'jwk' })));
t('ec wrong x', () => crypto.createPrivateKey({ key: { kty: 'EC', crv: 'P-256', d, x: y, y }, format: 'jwk' }));
t('ec bad curve', () => crypto.createPublicKey({ key: { kty: 'EC', crv: 'P-999', x, y }, format: 'jwk' }));
const ed = crypto.createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: Buffer.alloc(32, 3).toString('base64url'), x: 'ignored' }, format: 'jwk' });
console.log('ed25519', JSON.stringify(ed.export({ format: 'jwk' })));
t('rsa n type', () => crypto.createPublicKey({ key: { kty: 'RSA', n: 5 }, format: 'jwk' }));
t('oct as public', () => crypto.createPublicKey({ key: { kty: 'oct', k: 'AAAA' }, format: 'jwk' }));
t('unknown kty', () => crypto.createPublicKey({ key: { kty: 'XYZ' }, format: 'jwk' }));
t('jwk not object', () => crypto.createPublicKey({ key: 'x', format: 'jwk' }));
