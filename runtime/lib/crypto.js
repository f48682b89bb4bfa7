'use strict';
// crypto — Node's crypto module (the non-network part) on OpenSSL 3:
// hashes and HMAC (internal/crypto/hash), random numbers (random), ciphers
// (cipher), PBKDF2/scrypt/HKDF (kdf), keys (keys), signatures (sig) and the
// Web Crypto API (webcrypto).  Native work is in runtime/src/binding_crypto*.c.
// RSA encryption, ECDH and diffieHellman are in internal/crypto/ecdh.
// Primes are in internal/crypto/prime.  Not provided: finite-field
// Diffie-Hellman, X509Certificate, secure heap, engines (see docs/runtime-core-ii.md).

const { Hash, Hmac, hash } = require('internal/crypto/hash');
const random = require('internal/crypto/random');
const cipher = require('internal/crypto/cipher');
const kdf = require('internal/crypto/kdf');
const keys = require('internal/crypto/keys');
const sig = require('internal/crypto/sig');
const ecdh = require('internal/crypto/ecdh');
const prime = require('internal/crypto/prime');
const { codes } = require('internal/crypto/util');
const binding = internalBinding('crypto');

function createHash(algorithm, options) { return new Hash(algorithm, options); }
function createHmac(hmac, key, options) { return new Hmac(hmac, key, options); }

function timingSafeEqual(buf1, buf2) {
  const ok = (b) => ArrayBuffer.isView(b) || b instanceof ArrayBuffer;
  if (!ok(buf1)) throw new codes.ERR_INVALID_ARG_TYPE('buf1', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], buf1);
  if (!ok(buf2)) throw new codes.ERR_INVALID_ARG_TYPE('buf2', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], buf2);
  if (buf1.byteLength !== buf2.byteLength) throw new codes.ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH();
  return binding.timingSafeEqual(buf1, buf2);
}

// Values from the OpenSSL headers (internalBinding('crypto').constants), in
// Node's order; the cipher lists are the tls module's defaults.
const constants = (() => {
  const c = { ...binding.constants };
  const { DEFAULT_CIPHERS } = require('internal/tls/context');
  const ordered = {};
  for (const k of Object.keys(c)) {
    if (k === 'TLS1_VERSION') ordered.defaultCoreCipherList = DEFAULT_CIPHERS;
    ordered[k] = c[k];
  }
  ordered.defaultCipherList = DEFAULT_CIPHERS;
  return Object.freeze(ordered);
})();

let webcryptoModule;
function lazyWebCrypto() {
  if (webcryptoModule === undefined) webcryptoModule = require('internal/crypto/webcrypto');
  return webcryptoModule;
}

module.exports = {
  createHash,
  createHmac,
  hash,
  Hash,
  Hmac,
  createCipheriv: cipher.createCipheriv,
  createDecipheriv: cipher.createDecipheriv,
  Cipheriv: cipher.Cipheriv,
  Decipheriv: cipher.Decipheriv,
  getHashes: cipher.getHashes,
  getCiphers: cipher.getCiphers,
  getCurves: cipher.getCurves,
  getCipherInfo: cipher.getCipherInfo,
  randomBytes: random.randomBytes,
  pseudoRandomBytes: random.randomBytes,
  prng: random.randomBytes,
  rng: random.randomBytes,
  randomFill: random.randomFill,
  randomFillSync: random.randomFillSync,
  randomInt: random.randomInt,
  randomUUID: random.randomUUID,
  pbkdf2: kdf.pbkdf2,
  pbkdf2Sync: kdf.pbkdf2Sync,
  scrypt: kdf.scrypt,
  scryptSync: kdf.scryptSync,
  hkdf: kdf.hkdf,
  hkdfSync: kdf.hkdfSync,
  timingSafeEqual,
  KeyObject: keys.KeyObject,
  createSecretKey: keys.createSecretKey,
  createPublicKey: keys.createPublicKey,
  createPrivateKey: keys.createPrivateKey,
  generateKeyPair: keys.generateKeyPair,
  generateKeyPairSync: keys.generateKeyPairSync,
  generateKey: keys.generateKey,
  generateKeySync: keys.generateKeySync,
  createSign: sig.createSign,
  createVerify: sig.createVerify,
  Sign: sig.Sign,
  Verify: sig.Verify,
  sign: sig.signOneShot,
  verify: sig.verifyOneShot,
  publicEncrypt: ecdh.publicEncrypt,
  privateDecrypt: ecdh.privateDecrypt,
  privateEncrypt: ecdh.privateEncrypt,
  publicDecrypt: ecdh.publicDecrypt,
  createECDH: ecdh.createECDH,
  ECDH: ecdh.ECDH,
  diffieHellman: ecdh.diffieHellman,
  generatePrime: prime.generatePrime,
  generatePrimeSync: prime.generatePrimeSync,
  checkPrime: prime.checkPrime,
  checkPrimeSync: prime.checkPrimeSync,
  getFips() { return 0; },
  setFips(v) { if (v) throw new codes.ERR_CRYPTO_UNSUPPORTED_OPERATION(); },
  constants,
};

Object.defineProperties(module.exports, {
  webcrypto: { get() { return lazyWebCrypto().crypto; }, enumerable: true, configurable: true },
  subtle: { get() { return lazyWebCrypto().crypto.subtle; }, enumerable: true, configurable: true },
  // written with tls (internal/tls/x509), on the same OpenSSL
  X509Certificate: {
    get() { return require('internal/tls/x509').X509Certificate; }, enumerable: true, configurable: true,
  },
  getRandomValues: {
    value: function getRandomValues(array) { return lazyWebCrypto().crypto.getRandomValues(array); },
    enumerable: true, configurable: true, writable: true,
  },
});
