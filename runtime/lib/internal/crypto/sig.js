'use strict';
// internal/crypto/sig — createSign/createVerify (Sign and Verify: Writable
// streams that collect the data) and the one-shot crypto.sign/crypto.verify,
// on internalBinding('crypto_keys').sign/verify.

const binding = internalBinding('crypto_keys');
const { Buffer } = require('buffer');
const { Writable } = require('stream');
const { validateString, validateFunction, validateInt32, validateOneOf } = require('internal/validators');
const { codes, getArrayBufferOrView, encodeOutput } = require('internal/crypto/util');
const { preparePrivateKey, preparePublicOrPrivateKey } = require('internal/crypto/keys');
const { ERR_CRYPTO_SIGN_KEY_REQUIRED, ERR_INVALID_ARG_TYPE, ERR_CRYPTO_INVALID_DIGEST } = codes;

const kState = Symbol('kState');

function getPadding(options) {
  const v = options && options.padding;
  if (v === undefined) return -1;
  validateInt32(v, 'key.padding');
  return v;
}
function getSaltLength(options) {
  const v = options && options.saltLength;
  if (v === undefined) return -100;
  validateInt32(v, 'key.saltLength');
  return v;
}
function getDSASignatureEncoding(options) {
  if (typeof options === 'object' && options !== null) {
    const { dsaEncoding = 'der' } = options;
    if (dsaEncoding === 'der') return 0;
    if (dsaEncoding === 'ieee-p1363') return 1;
    throw new codes.ERR_INVALID_ARG_VALUE('options.dsaEncoding', dsaEncoding);
  }
  return 0;
}

function keyOptions(key) {
  return typeof key === 'object' && key !== null && !ArrayBuffer.isView(key) &&
    key.key !== undefined ? key : undefined;
}

function Sign(algorithm, options) {
  if (!(this instanceof Sign)) return new Sign(algorithm, options);
  validateString(algorithm, 'algorithm');
  if (binding_kdf().digestSize(algorithm) < 0) throw invalidDigest();
  this[kState] = { algorithm, chunks: [] };
  Writable.call(this, options);
}
Object.setPrototypeOf(Sign.prototype, Writable.prototype);
Object.setPrototypeOf(Sign, Writable);

function invalidDigest() {
  const err = new ERR_CRYPTO_INVALID_DIGEST('');
  err.message = 'Invalid digest';
  return err;
}

function binding_kdf() { return internalBinding('crypto_kdf'); }

function toData(data, encoding) {
  if (typeof data === 'string') return Buffer.from(data, encoding === undefined || encoding === 'buffer' ? 'utf8' : encoding);
  if (!ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

Sign.prototype._write = function _write(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};

Sign.prototype.update = function update(data, encoding) {
  this[kState].chunks.push(Buffer.from(toData(data, encoding)));
  return this;
};

Sign.prototype.sign = function sign(options, encoding) {
  if (!options) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const handle = preparePrivateKey(options);
  const o = keyOptions(options);
  const sig = binding.sign(handle, this[kState].algorithm, Buffer.concat(this[kState].chunks),
    getPadding(o), getSaltLength(o), getDSASignatureEncoding(o));
  return encodeOutput(Buffer.from(sig), encoding);
};

function Verify(algorithm, options) {
  if (!(this instanceof Verify)) return new Verify(algorithm, options);
  validateString(algorithm, 'algorithm');
  if (binding_kdf().digestSize(algorithm) < 0) throw invalidDigest();
  this[kState] = { algorithm, chunks: [] };
  Writable.call(this, options);
}
Object.setPrototypeOf(Verify.prototype, Writable.prototype);
Object.setPrototypeOf(Verify, Writable);
Verify.prototype._write = Sign.prototype._write;
Verify.prototype.update = Sign.prototype.update;

Verify.prototype.verify = function verify(options, signature, sigEncoding) {
  const handle = preparePublicOrPrivateKey(options);
  const o = keyOptions(options);
  signature = getArrayBufferOrView(signature, 'signature', sigEncoding);
  if (!ArrayBuffer.isView(signature)) signature = new Uint8Array(signature);
  return binding.verify(handle, this[kState].algorithm, Buffer.concat(this[kState].chunks), signature,
    getPadding(o), getSaltLength(o), getDSASignatureEncoding(o));
};

function createSign(algorithm, options) { return new Sign(algorithm, options); }
function createVerify(algorithm, options) { return new Verify(algorithm, options); }

function checkAlgorithm(algorithm) {
  if (algorithm !== null && algorithm !== undefined) validateString(algorithm, 'algorithm');
  return algorithm == null ? null : algorithm;
}

function signOneShot(algorithm, data, key, callback) {
  algorithm = checkAlgorithm(algorithm);
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = getArrayBufferOrView(data, 'data');
  if (!ArrayBuffer.isView(data)) data = new Uint8Array(data);
  if (!key) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const handle = preparePrivateKey(key);
  const o = keyOptions(key);
  const run = () => Buffer.from(binding.sign(handle, algorithm, data, getPadding(o), getSaltLength(o),
    getDSASignatureEncoding(o)));
  if (!callback) return run();
  let sig;
  try { sig = run(); } catch (e) { process.nextTick(callback, e); return; }
  process.nextTick(callback, null, sig);
}

function verifyOneShot(algorithm, data, key, signature, callback) {
  algorithm = checkAlgorithm(algorithm);
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = getArrayBufferOrView(data, 'data');
  if (!ArrayBuffer.isView(data)) data = new Uint8Array(data);
  if (!ArrayBuffer.isView(signature)) {
    throw new ERR_INVALID_ARG_TYPE('signature', ['Buffer', 'TypedArray', 'DataView'], signature);
  }
  const handle = preparePublicOrPrivateKey(key);
  const o = keyOptions(key);
  const run = () => binding.verify(handle, algorithm, data, signature, getPadding(o), getSaltLength(o),
    getDSASignatureEncoding(o));
  if (!callback) return run();
  let r;
  try { r = run(); } catch (e) { process.nextTick(callback, e); return; }
  process.nextTick(callback, null, r);
}

module.exports = { Sign, Verify, createSign, createVerify, signOneShot, verifyOneShot };
