// How KeyObjects and CryptoKeys print (util.inspect, toString tags); the
// asymmetric key type is cached on first use, which shows in the output.
const crypto = require('crypto');
const { publicKey } = crypto.generateKeyPairSync('ed25519');
console.log(publicKey);
console.log(publicKey.asymmetricKeyType);
console.log(publicKey);
console.log(crypto.createSecretKey(Buffer.alloc(2)));
console.log(Object.prototype.toString.call(publicKey), String(publicKey), publicKey instanceof crypto.KeyObject);
crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, ['sign']).then((k) => {
  console.log(k);
  console.log(Object.prototype.toString.call(k), Object.keys(k));
});
console.log(Object.prototype.toString.call(crypto.webcrypto), Object.prototype.toString.call(crypto.subtle));
