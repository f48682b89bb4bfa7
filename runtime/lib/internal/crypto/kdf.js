'use strict';
// internal/crypto/kdf — pbkdf2(Sync), scrypt(Sync), hkdf(Sync) with Node's
// validation, on internalBinding('crypto_kdf') (thread pool for the async
// forms).

const binding = internalBinding('crypto_kdf');
const { Buffer } = require('buffer');
const {
  validateFunction, validateInt32, validateString, validateObject, validateUint32, validateInteger,
} = require('internal/validators');
const { codes, getArrayBufferOrView, isAnyArrayBuffer } = require('internal/crypto/util');
// Completion callbacks run in the async context of the call.
const { bind: bindFrame } = require('internal/async_context');
const {
  ERR_CRYPTO_INVALID_DIGEST, ERR_CRYPTO_INVALID_SCRYPT_PARAMS, ERR_CRYPTO_INVALID_KEYLEN,
  ERR_INCOMPATIBLE_OPTION_PAIR, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE,
} = codes;

function bytes(v, name) {
  const b = getArrayBufferOrView(v, name);
  return ArrayBuffer.isView(b) ? b : new Uint8Array(b);
}

// ---- PBKDF2 ----
function pbkdf2Check(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = bytes(password, 'password');
  salt = bytes(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  if (binding.digestSize(digest) < 0) throw new ERR_CRYPTO_INVALID_DIGEST(digest);
  return { password, salt, iterations, keylen, digest };
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  const a = pbkdf2Check(password, salt, iterations, keylen, digest);
  validateFunction(callback, 'callback');
  callback = bindFrame(callback);
  binding.pbkdf2(a.password, a.salt, a.iterations, a.keylen, a.digest, (err, ab) => {
    if (err) return callback(err);
    callback(null, Buffer.from(ab));
  });
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  const a = pbkdf2Check(password, salt, iterations, keylen, digest);
  return Buffer.from(binding.pbkdf2(a.password, a.salt, a.iterations, a.keylen, a.digest));
}

// ---- scrypt ----
const defaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

function scryptCheck(password, salt, keylen, options) {
  password = bytes(password, 'password');
  salt = bytes(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  let { N, r, p, maxmem } = defaults;
  if (options && options !== defaults) {
    validateObject(options, 'options');
    const has = (k) => Object.prototype.hasOwnProperty.call(options, k) && options[k] !== undefined;
    if (has('N')) { N = options.N; validateUint32(N, 'N'); }
    if (has('cost')) {
      if (has('N')) throw new codes.ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      N = options.cost;
      validateUint32(N, 'cost');
    }
    if (has('r')) { r = options.r; validateUint32(r, 'r'); }
    if (has('blockSize')) {
      if (has('r')) throw new codes.ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      r = options.blockSize;
      validateUint32(r, 'blockSize');
    }
    if (has('p')) { p = options.p; validateUint32(p, 'p'); }
    if (has('parallelization')) {
      if (has('p')) throw new codes.ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      p = options.parallelization;
      validateUint32(p, 'parallelization');
    }
    if (has('maxmem')) {
      maxmem = options.maxmem;
      validateInteger(maxmem, 'maxmem', 0);
    }
    if (N === 0) N = defaults.N;
    if (r === 0) r = defaults.r;
    if (p === 0) p = defaults.p;
    if (maxmem === 0) maxmem = defaults.maxmem;
  }
  const msg = binding.scryptCheck(N, r, p, maxmem);
  if (msg !== '') {
    const err = new ERR_CRYPTO_INVALID_SCRYPT_PARAMS();
    if (msg !== '-') err.message += `: ${msg}`;
    throw err;
  }
  return { password, salt, keylen, N, r, p, maxmem };
}

function scrypt(password, salt, keylen, options, callback = defaults) {
  if (callback === defaults) {
    callback = options;
    options = defaults;
  }
  const a = scryptCheck(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  callback = bindFrame(callback);
  binding.scrypt(a.password, a.salt, a.keylen, a.N, a.r, a.p, a.maxmem, (err, ab) => {
    if (err) return callback(err);
    callback(null, Buffer.from(ab));
  });
}

function scryptSync(password, salt, keylen, options = defaults) {
  const a = scryptCheck(password, salt, keylen, options);
  return Buffer.from(binding.scrypt(a.password, a.salt, a.keylen, a.N, a.r, a.p, a.maxmem));
}

// ---- HKDF ----
function hkdfKey(key) {
  const { isKeyObject, kHandle } = require('internal/crypto/keys');
  if (isKeyObject(key)) {
    if (key.type !== 'secret') throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
    return key[kHandle];
  }
  if (typeof key === 'string' || ArrayBuffer.isView(key) || isAnyArrayBuffer(key)) return bytes(key, 'ikm');
  throw new ERR_INVALID_ARG_TYPE('ikm', ['string', 'SecretKeyObject', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], key);
}

function hkdfCheck(hash, key, salt, info, length) {
  validateString(hash, 'digest');
  key = hkdfKey(key);
  salt = bytes(salt, 'salt');
  info = bytes(info, 'info');
  validateInteger(length, 'length', 0, 2147483647);
  if (info.byteLength > 1024) {
    throw new ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes', info.byteLength);
  }
  const size = binding.digestSize(hash);
  if (size < 0) throw new ERR_CRYPTO_INVALID_DIGEST(hash);
  if (length > size * 255) throw new ERR_CRYPTO_INVALID_KEYLEN();
  return { hash, key, salt, info, length };
}

function hkdf(hash, key, salt, info, length, callback) {
  const a = hkdfCheck(hash, key, salt, info, length);
  validateFunction(callback, 'callback');
  binding.hkdf(a.hash, a.key, a.salt, a.info, a.length, bindFrame(callback));
}

function hkdfSync(hash, key, salt, info, length) {
  const a = hkdfCheck(hash, key, salt, info, length);
  return binding.hkdf(a.hash, a.key, a.salt, a.info, a.length);
}

module.exports = { pbkdf2, pbkdf2Sync, scrypt, scryptSync, hkdf, hkdfSync };
