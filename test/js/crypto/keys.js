// KeyObject: generation (RSA, EC, Ed25519, X25519), export to PEM/DER/JWK,
// import back, details, equality, secret keys, encrypted PKCS#8, and errors.
const crypto = require('crypto');
function t(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', typeof r === 'object' && !Buffer.isBuffer(r) ? JSON.stringify(r, (k, v) => typeof v === 'bigint' ? `${v}n` : v) : r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
console.log('rsa', rsa.publicKey.type, rsa.privateKey.type, rsa.publicKey.asymmetricKeyType, rsa.privateKey.asymmetricKeyDetails);
console.log(rsa.publicKey instanceof crypto.KeyObject, rsa.publicKey.symmetricKeySize);
const pemPub = rsa.publicKey.export({ type: 'spki', format: 'pem' });
const pemPriv = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' });
console.log(pemPub.split('\n')[0], pemPriv.split('\n')[0]);
console.log(rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }).split('\n')[0]);
console.log(rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).split('\n')[0]);
console.log(crypto.createPublicKey(pemPub).equals(rsa.publicKey), crypto.createPrivateKey(pemPriv).equals(rsa.privateKey));
console.log('public from private', crypto.createPublicKey(pemPriv).equals(rsa.publicKey), crypto.createPublicKey(rsa.privateKey).type);
const der = rsa.publicKey.export({ type: 'spki', format: 'der' });
console.log('der', Buffer.isBuffer(der), crypto.createPublicKey({ key: der, format: 'der', type: 'spki' }).equals(rsa.publicKey));
const pk1 = rsa.privateKey.export({ type: 'pkcs1', format: 'der' });
console.log('pkcs1 der', crypto.createPrivateKey({ key: pk1, format: 'der', type: 'pkcs1' }).equals(rsa.privateKey));
console.log('jwk rsa', Object.keys(rsa.privateKey.export({ format: 'jwk' })).join(','), rsa.publicKey.export({ format: 'jwk' }).e);
const e = crypto.generateKeyPairSync('rsa', { modulusLength: 1024, publicExponent: 3 });
console.log('exponent', e.publicKey.asymmetricKeyDetails.publicExponent);

const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' });
console.log('ec', ec.publicKey.asymmetricKeyType, ec.privateKey.asymmetricKeyDetails);
const sec1 = ec.privateKey.export({ type: 'sec1', format: 'pem' });
console.log(sec1.split('\n')[0], crypto.createPrivateKey(sec1).equals(ec.privateKey));
const jwk = ec.privateKey.export({ format: 'jwk' });
console.log('jwk ec', jwk.kty, jwk.crv, Buffer.from(jwk.x, 'base64url').length, Buffer.from(jwk.d, 'base64url').length);
console.log('jwk ec import', crypto.createPublicKey({ key: ec.publicKey.export({ format: 'jwk' }), format: 'jwk' }).equals(ec.publicKey));
const k1 = crypto.generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
console.log('secp256k1', k1.publicKey.asymmetricKeyDetails);

const ed = crypto.generateKeyPairSync('ed25519');
console.log('ed25519', ed.publicKey.asymmetricKeyType, ed.publicKey.asymmetricKeyDetails);
const edJwk = ed.privateKey.export({ format: 'jwk' });
console.log('jwk ed', Object.keys(edJwk).join(','), edJwk.crv, crypto.createPrivateKey({ key: edJwk, format: 'jwk' }).equals(ed.privateKey));
console.log('ed der', ed.publicKey.export({ type: 'spki', format: 'der' }).length, ed.privateKey.export({ type: 'pkcs8', format: 'der' }).length);
const x = crypto.generateKeyPairSync('x25519');
console.log('x25519', x.privateKey.asymmetricKeyType);

// encodings in generateKeyPairSync
const enc = crypto.generateKeyPairSync('ec', {
  namedCurve: 'prime256v1',
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'der' },
});
console.log('encoded', typeof enc.publicKey, Buffer.isBuffer(enc.privateKey));

// encrypted PKCS#8
const encPem = ed.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'top secret' });
console.log(encPem.split('\n')[0]);
console.log('decrypt', crypto.createPrivateKey({ key: encPem, passphrase: 'top secret' }).equals(ed.privateKey));
t('no passphrase', () => crypto.createPrivateKey(encPem));
t('bad passphrase', () => crypto.createPrivateKey({ key: encPem, passphrase: 'wrong' }));

// secret keys
const s = crypto.createSecretKey(Buffer.from('0123456789'));
console.log('secret', s.type, s.symmetricKeySize, s.export().toString(), JSON.stringify(s.export({ format: 'jwk' })));
console.log(s.equals(crypto.createSecretKey('0123456789', 'utf8')), s.equals(crypto.createSecretKey(Buffer.from('0123456788'))), s.equals(rsa.publicKey));
const g = crypto.generateKeySync('hmac', { length: 128 });
console.log('generateKeySync', g.type, g.symmetricKeySize, crypto.generateKeySync('aes', { length: 256 }).symmetricKeySize);

t('garbage', () => crypto.createPrivateKey('garbage'));
t('garbage public', () => crypto.createPublicKey('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n'));
t('type', () => crypto.createPrivateKey(5));
t('unknown type', () => crypto.generateKeyPairSync('foo', {}));
t('rsa no length', () => crypto.generateKeyPairSync('rsa', {}));
t('ec bad curve', () => crypto.generateKeyPairSync('ec', { namedCurve: 'nope' }));
t('ec no curve', () => crypto.generateKeyPairSync('ec', {}));
t('secret type', () => crypto.createSecretKey(5));
t('pkcs1 for ed', () => ed.publicKey.export({ format: 'pem', type: 'pkcs1' }));
t('no type', () => ed.privateKey.export({ format: 'pem' }));
t('no passphrase export', () => ed.privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc' }));
t('no options', () => ed.privateKey.export());
t('public as secret', () => crypto.createHmac('sha256', ed.publicKey));
t('equals type', () => s.equals('x'));
crypto.generateKeyPair('ec', { namedCurve: 'P-256' }, (err, pub, priv) => {
  console.log('async', err, pub.type, priv.type, pub.asymmetricKeyDetails.namedCurve);
  crypto.generateKeyPair('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  }, (err2, pubPem, privPem) => console.log('async pem', err2, pubPem.split('\n')[0], privPem.split('\n')[0]));
});
