'use strict';
// internal/crypto/hash — createHash (Hash) and createHmac (Hmac) on
// internalBinding('crypto'); both are streams (LazyTransform).

const binding = internalBinding('crypto');
const { Buffer } = require('buffer');
const { validateString, validateUint32, validateObject } = require('internal/validators');
const { codes, LazyTransform, toBuf, encodeOutput, isAnyArrayBuffer } = require('internal/crypto/util');
const { ERR_CRYPTO_HASH_FINALIZED, ERR_INVALID_ARG_TYPE, ERR_CRYPTO_INVALID_DIGEST } = codes;

const kHandle = Symbol('kHandle');
const kState = Symbol('kState');

function toData(data, encoding) {
  if (typeof data === 'string') return Buffer.from(data, encoding === 'buffer' ? 'utf8' : encoding);
  if (!ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  return data;
}

function digestError() {
  return new Error('Digest method not supported');
}

function Hash(algorithm, options) {
  if (!(this instanceof Hash)) return new Hash(algorithm, options);
  const isCopy = algorithm instanceof _InternalHandle;
  let xofLen = -1;
  if (typeof options === 'object' && options !== null) {
    if (options.outputLength !== undefined) {
      validateUint32(options.outputLength, 'options.outputLength');
      xofLen = options.outputLength;
    }
  }
  let handle;
  if (isCopy) {
    handle = binding.hashCopy(algorithm.handle, xofLen);
  } else {
    validateString(algorithm, 'algorithm');
    handle = binding.hashNew(algorithm, xofLen);
    if (handle === null) throw digestError();
  }
  this[kHandle] = handle;
  this[kState] = { finalized: false };
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hash, LazyTransform);

function _InternalHandle(handle) { this.handle = handle; }

Hash.prototype.copy = function copy(options) {
  if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  return new Hash(new _InternalHandle(this[kHandle]), options);
};

Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  binding.hashUpdate(this[kHandle], toData(chunk, encoding));
  callback();
};

Hash.prototype._flush = function _flush(callback) {
  this.push(toBuf(binding.hashDigest(this[kHandle])));
  callback();
};

Hash.prototype.update = function update(data, encoding) {
  if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  binding.hashUpdate(this[kHandle], toData(data, encoding));
  return this;
};

Hash.prototype.digest = function digest(outputEncoding) {
  if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  this[kState].finalized = true;
  if (outputEncoding === 'hex') return binding.hashDigest(this[kHandle], true);
  return encodeOutput(toBuf(binding.hashDigest(this[kHandle], false)), outputEncoding);
};

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  const encoding = options && options.encoding;
  key = require('internal/crypto/keys').prepareSecretKey(key, encoding);
  const handle = binding.hmacNew(hmac, key);
  if (handle === null) throw new ERR_CRYPTO_INVALID_DIGEST(hmac);
  this[kHandle] = handle;
  this[kState] = { finalized: false };
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hmac, LazyTransform);

Hmac.prototype.update = function update(data, encoding) {
  if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  binding.hmacUpdate(this[kHandle], toData(data, encoding));
  return this;
};
Hmac.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  if (state.finalized) {
    // Node returns an empty digest after the first call.
    return encodeOutput(Buffer.alloc(0), outputEncoding);
  }
  state.finalized = true;
  return encodeOutput(toBuf(binding.hmacDigest(this[kHandle])), outputEncoding);
};
Hmac.prototype._flush = function _flush(callback) {
  this.push(this.digest());
  callback();
};
Hmac.prototype._transform = function _transform(chunk, encoding, callback) {
  binding.hmacUpdate(this[kHandle], toData(chunk, encoding));
  callback();
};

// crypto.hash(algorithm, data, outputEncoding = 'hex') (Node 20.12+).
function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !ArrayBuffer.isView(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  if (outputEncoding !== undefined) validateString(outputEncoding, 'outputEncoding');
  const h = new Hash(algorithm);
  h.update(input);
  return h.digest(outputEncoding);
}

module.exports = { Hash, Hmac, hash, kHandle, isAnyArrayBuffer };
