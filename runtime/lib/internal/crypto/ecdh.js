'use strict';
// internal/crypto/ecdh — publicEncrypt/privateDecrypt/privateEncrypt/
// publicDecrypt (RSA), createECDH (ECDH) and diffieHellman (key agreement
// between KeyObjects), on internalBinding('crypto_keys').

const binding = internalBinding('crypto_keys');
const { Buffer } = require('buffer');
const { validateString, validateObject } = require('internal/validators');
const { codes, getArrayBufferOrView, encodeOutput } = require('internal/crypto/util');
const keys = require('internal/crypto/keys');
const { E } = require('internal/errors');

E('ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY', 'Public key is not valid for specified curve', Error);
E('ERR_CRYPTO_ECDH_INVALID_FORMAT', 'Invalid ECDH format: %s', TypeError);

const RSA_PKCS1_PADDING = 1;
const RSA_PKCS1_OAEP_PADDING = 4;

function view(b) { return ArrayBuffer.isView(b) ? b : new Uint8Array(b); }

function rsaFunction(op, defaultPadding, isPrivateKey) {
  return function(options, buffer) {
    const handle = isPrivateKey ? keys.preparePrivateKey(options) : keys.preparePublicOrPrivateKey(options);
    const o = typeof options === 'object' && options !== null && !ArrayBuffer.isView(options) &&
      options.key !== undefined ? options : {};
    const padding = o.padding === undefined ? defaultPadding : o.padding;
    if (op === 1 && padding === RSA_PKCS1_PADDING) {
      // Node 20 refuses this since CVE-2023-46809 (Marvin attack).
      const err = new codes.ERR_INVALID_ARG_VALUE('padding', padding);
      err.message = 'RSA_PKCS1_PADDING is no longer supported for private decryption, ' +
        'this can be reverted with --security-revert=CVE-2023-46809';
      throw err;
    }
    let oaepHash = null, oaepLabel = null;
    if (o.oaepHash !== undefined) {
      validateString(o.oaepHash, 'key.oaepHash');
      oaepHash = o.oaepHash;
    }
    if (o.oaepLabel !== undefined) oaepLabel = view(getArrayBufferOrView(o.oaepLabel, 'key.oaepLabel', o.encoding));
    buffer = view(getArrayBufferOrView(buffer, 'buffer', o.encoding));
    return Buffer.from(binding.rsaCipher(handle, op, buffer, padding, oaepHash, oaepLabel));
  };
}

const publicEncrypt = rsaFunction(0, RSA_PKCS1_OAEP_PADDING, false);
const privateDecrypt = rsaFunction(1, RSA_PKCS1_OAEP_PADDING, true);
const privateEncrypt = rsaFunction(2, RSA_PKCS1_PADDING, true);
const publicDecrypt = rsaFunction(3, RSA_PKCS1_PADDING, false);

// EC points: uncompressed 04|X|Y, compressed 02/03|X, hybrid 06/07|X|Y.
function formatPoint(raw, format) {
  if (format === undefined || format === 'uncompressed') return raw;
  const n = (raw.length - 1) / 2;
  const odd = raw[raw.length - 1] & 1;
  if (format === 'compressed') return Buffer.concat([Buffer.from([2 + odd]), raw.subarray(1, 1 + n)]);
  if (format === 'hybrid') return Buffer.concat([Buffer.from([6 + odd]), raw.subarray(1)]);
  throw new codes.ERR_CRYPTO_ECDH_INVALID_FORMAT(format);
}

const kCurve = Symbol('kCurve');
const kKey = Symbol('kKey');

class ECDH {
  constructor(curve) {
    validateString(curve, 'curve');
    if (!require('internal/crypto/cipher').getCurves().includes(curve)) {
      throw new codes.ERR_CRYPTO_INVALID_CURVE();
    }
    this[kCurve] = curve;
    this[kKey] = null;
  }
  generateKeys(encoding, format) {
    this[kKey] = keys.generateKeyPairSync('ec', { namedCurve: this[kCurve] }).privateKey;
    return this.getPublicKey(encoding, format);
  }
  getPublicKey(encoding, format) {
    if (!this[kKey]) throw new Error('Failed to get ECDH public key');
    const raw = Buffer.from(binding.exportRaw(this[kKey][keys.kHandle], true));
    return encodeOutput(formatPoint(raw, format), encoding);
  }
  getPrivateKey(encoding) {
    if (!this[kKey]) throw new Error('Failed to get ECDH private key');
    return encodeOutput(Buffer.from(binding.exportScalar(this[kKey][keys.kHandle])), encoding);
  }
  setPrivateKey(key, encoding) {
    key = view(getArrayBufferOrView(key, 'key', encoding));
    const h = binding.ecFromPrivate(this[kCurve], key);
    if (h === null) {
      const err = new codes.ERR_CRYPTO_INVALID_KEYTYPE();
      err.message = 'Private key is not valid for specified curve.';
      throw err;
    }
    this[kKey] = new keys.PrivateKeyObject(h);
    return this;
  }
  computeSecret(key, inEnc, outEnc) {
    key = view(getArrayBufferOrView(key, 'key', inEnc));
    if (!this[kKey]) throw new Error('Failed to get ECDH private key');
    let pub;
    try {
      pub = binding.fromRaw('ec', this[kCurve], key, false);
    } catch {
      throw new codes.ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY();
    }
    return encodeOutput(Buffer.from(binding.derive(this[kKey][keys.kHandle], pub)), outEnc);
  }
}

function createECDH(curve) { return new ECDH(curve); }

function diffieHellman(options) {
  validateObject(options, 'options');
  const { privateKey, publicKey } = options;
  if (!keys.isKeyObject(privateKey)) throw new codes.ERR_INVALID_ARG_TYPE('options.privateKey', 'KeyObject', privateKey);
  if (!keys.isKeyObject(publicKey)) throw new codes.ERR_INVALID_ARG_TYPE('options.publicKey', 'KeyObject', publicKey);
  if (privateKey.type !== 'private') throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(privateKey.type, 'private');
  if (publicKey.type !== 'public' && publicKey.type !== 'private') {
    throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(publicKey.type, 'private or public');
  }
  const a = privateKey.asymmetricKeyType, b = publicKey.asymmetricKeyType;
  if (a !== b) throw new codes.ERR_CRYPTO_INCOMPATIBLE_KEY('key types for Diffie-Hellman', `${a} and ${b}`);
  return Buffer.from(binding.derive(privateKey[keys.kHandle], publicKey[keys.kHandle]));
}

module.exports = { publicEncrypt, privateDecrypt, privateEncrypt, publicDecrypt, ECDH, createECDH, diffieHellman };
