'use strict';
// internal/crypto/util — shared pieces of the crypto module: the error codes
// crypto adds to internal/errors, argument conversion to bytes (Node's
// getArrayBufferOrView), output encoding, and LazyTransform (the stream
// base of Hash, Hmac, Cipher and Sign that builds its stream state only when
// the object is used as a stream).

const { E, codes } = require('internal/errors');
const { Buffer } = require('buffer');
const Stream = require('stream');
const types = internalBinding('types');

E('ERR_CRYPTO_HASH_FINALIZED', 'Digest already called', Error);
E('ERR_CRYPTO_HASH_UPDATE_FAILED', 'Hash update failed', Error);
E('ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest: %s', TypeError);
E('ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length', RangeError);
E('ERR_CRYPTO_INVALID_IV', 'Invalid initialization vector', TypeError);
E('ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher', Error);
E('ERR_CRYPTO_INVALID_AUTH_TAG', 'Invalid authentication tag length: %s', TypeError);
E('ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation %s', Error);
E('ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter', Error);
E('ERR_CRYPTO_INVALID_SCRYPT_PARAMS', 'Invalid scrypt params', RangeError);
E('ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length', RangeError);
E('ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', 'Invalid key object type %s, expected %s.', TypeError);
E('ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', 'The selected key encoding %s %s.', Error);
E('ERR_CRYPTO_INCOMPATIBLE_KEY', 'Incompatible %s: %s', Error);
E('ERR_CRYPTO_INVALID_JWK', 'Invalid JWK data', TypeError);
E('ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name', TypeError);
E('ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign', Error);
E('ERR_CRYPTO_OPERATION_FAILED', '%s', Error);
E('ERR_CRYPTO_INVALID_KEYTYPE', 'Invalid key type', RangeError);
E('ERR_CRYPTO_UNSUPPORTED_OPERATION', 'Unsupported crypto operation', Error);

function isArrayBufferView(v) { return ArrayBuffer.isView(v); }
function isAnyArrayBuffer(v) { return types.isAnyArrayBuffer(v); }

// Bytes of a string (in encoding), an ArrayBuffer or a view, as a view.
function getArrayBufferOrView(buffer, name, encoding) {
  if (isAnyArrayBuffer(buffer)) return buffer;
  if (typeof buffer === 'string') {
    if (encoding === 'buffer') encoding = 'utf8';
    return Buffer.from(buffer, encoding);
  }
  if (!isArrayBufferView(buffer)) {
    throw new codes.ERR_INVALID_ARG_TYPE(
      name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  return buffer;
}

function toBuf(ab) { return Buffer.from(ab); }

// A Buffer result as Node returns it: the Buffer, or a string in `encoding`.
function encodeOutput(buf, encoding) {
  if (encoding === undefined || encoding === 'buffer') return buf;
  return buf.toString(encoding);
}

function LazyTransform(options) {
  this._options = options;
}
Object.setPrototypeOf(LazyTransform.prototype, Stream.Transform.prototype);
Object.setPrototypeOf(LazyTransform, Stream.Transform);

function makeGetter(name) {
  return function() {
    Stream.Transform.call(this, this._options);
    this._writableState.decodeStrings = false;
    return this[name];
  };
}
function makeSetter(name) {
  return function(val) {
    Object.defineProperty(this, name, { value: val, enumerable: true, configurable: true, writable: true });
  };
}
for (const name of ['_readableState', '_writableState', '_transformState']) {
  Object.defineProperty(LazyTransform.prototype, name, {
    get: makeGetter(name), set: makeSetter(name), configurable: true, enumerable: true,
  });
}

module.exports = {
  codes,
  getArrayBufferOrView,
  isArrayBufferView,
  isAnyArrayBuffer,
  toBuf,
  encodeOutput,
  LazyTransform,
};
