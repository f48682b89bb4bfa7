'use strict';
// internal/crypto/keys — KeyObject (secret, public, private), createSecretKey,
// createPublicKey, createPrivateKey, generateKeyPair(Sync), generateKey(Sync)
// and the key-preparation helpers the other crypto modules share.  Asymmetric
// keys are handles of internalBinding('crypto_keys') (an EVP_PKEY); a secret
// key is a private copy of its bytes.

const binding = internalBinding('crypto_keys');
const { Buffer } = require('buffer');
const {
  validateString, validateObject, validateUint32, validateFunction, validateOneOf,
} = require('internal/validators');
const { codes, isAnyArrayBuffer } = require('internal/crypto/util');
const {
  ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
  ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS, ERR_CRYPTO_INVALID_CURVE, ERR_CRYPTO_INVALID_JWK,
  ERR_OUT_OF_RANGE,
} = codes;

const kKeyType = Symbol('kKeyType');
const kAsymmetricKeyType = Symbol('kAsymmetricKeyType');
const kHandle = Symbol('kHandle');
const kKeyObject = Symbol('kKeyObject');

class KeyObject {
  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') {
      throw new ERR_INVALID_ARG_VALUE('type', type);
    }
    if (typeof handle !== 'object' || handle === null) {
      throw new ERR_INVALID_ARG_TYPE('handle', 'object', handle);
    }
    this[kKeyType] = type;
    Object.defineProperty(this, kHandle, { value: handle, enumerable: false, configurable: false, writable: false });
  }

  get type() { return this[kKeyType]; }

  static from(key) {
    const { isCryptoKey, getKeyObject } = require('internal/crypto/webcrypto');
    if (!isCryptoKey(key)) throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
    return getKeyObject(key);
  }

  equals(otherKeyObject) {
    if (!isKeyObject(otherKeyObject)) {
      throw new ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject', otherKeyObject);
    }
    if (otherKeyObject.type !== this.type) return false;
    if (this.type === 'secret') {
      const a = this[kHandle], b = otherKeyObject[kHandle];
      return a.length === b.length && require('crypto').timingSafeEqual(a, b);
    }
    return binding.equals(this[kHandle], otherKeyObject[kHandle], this.type === 'public');
  }
}

class SecretKeyObject extends KeyObject {
  constructor(handle) { super('secret', handle); }
  get symmetricKeySize() { return this[kHandle].length; }
  export(options) {
    if (options !== undefined) {
      validateObject(options, 'options');
      validateOneOf(options.format, 'options.format', [undefined, 'buffer', 'jwk']);
      if (options.format === 'jwk') return { kty: 'oct', k: this[kHandle].toString('base64url') };
    }
    return Buffer.from(this[kHandle]);
  }
}

Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, {
  __proto__: null, configurable: true, value: 'KeyObject',
});

class AsymmetricKeyObject extends KeyObject {
  // The key type is looked up on first use and cached (as Node).
  get asymmetricKeyType() {
    return this[kAsymmetricKeyType] || (this[kAsymmetricKeyType] = binding.info(this[kHandle]).type);
  }
  get asymmetricKeyDetails() {
    const info = binding.info(this[kHandle]);
    switch (info.type) {
      case 'rsa':
      case 'rsa-pss':
        return { modulusLength: info.modulusLength, publicExponent: info.publicExponent };
      case 'ec':
        return { namedCurve: info.namedCurve };
      default:
        return {};
    }
  }
}

function exportAsymmetric(key, options, isPublic) {
  if (options && options.format === 'jwk') return binding.exportJwk(key[kHandle], isPublic);
  validateObject(options, 'options');
  const { format = 'pem', type } = options;
  validateOneOf(format, 'options.format', ['pem', 'der', 'jwk']);
  const allowed = isPublic ? ['pkcs1', 'spki'] : ['pkcs1', 'pkcs8', 'sec1'];
  if (!allowed.includes(type)) {
    throw new ERR_INVALID_ARG_VALUE('options.type', type);
  }
  const kt = key.asymmetricKeyType;
  if (type === 'pkcs1' && kt !== 'rsa') {
    throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS('pkcs1', 'can only be used for RSA keys');
  }
  if (type === 'sec1' && kt !== 'ec') {
    throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS('sec1', 'can only be used for EC keys');
  }
  let cipher = null, passphrase = null;
  if (!isPublic && options.cipher !== undefined) {
    validateString(options.cipher, 'options.cipher');
    if (format === 'der' && type !== 'pkcs8') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(`${type}`, 'does not support encryption');
    }
    if (options.passphrase === undefined) throw new ERR_INVALID_ARG_VALUE('options.passphrase', undefined);
    passphrase = typeof options.passphrase === 'string' ? Buffer.from(options.passphrase) : options.passphrase;
    cipher = options.cipher;
    if (type !== 'pkcs8') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(`${type}`,
        'is only supported for PKCS#8 when encrypting in devrun-js');
    }
  }
  const out = binding.exportKey(key[kHandle], isPublic, format, type, cipher, passphrase);
  return typeof out === 'string' ? out : Buffer.from(out);
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(handle) { super('public', handle); }
  export(options) { return exportAsymmetric(this, options, true); }
}

class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(handle) { super('private', handle); }
  export(options) { return exportAsymmetric(this, options, false); }
}

function isKeyObject(obj) {
  return obj != null && obj[kKeyType] !== undefined && obj instanceof KeyObject;
}

// CryptoKey instances (internal/crypto/webcrypto) carry this brand.
const kCryptoKeyBrand = Symbol('kCryptoKeyBrand');
function isCryptoKeyLazy(obj) {
  return obj != null && typeof obj === 'object' && obj[kCryptoKeyBrand] === true;
}

// Bytes of a secret key given as string, buffer, KeyObject or CryptoKey.
function prepareSecretKey(key, encoding, bufferOnly = false) {
  if (!bufferOnly) {
    if (isKeyObject(key)) {
      if (key.type !== 'secret') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      return key[kHandle];
    }
    if (isCryptoKeyLazy(key)) {
      const ko = require('internal/crypto/webcrypto').getKeyObject(key);
      if (ko.type !== 'secret') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(ko.type, 'secret');
      return ko[kHandle];
    }
  }
  if (isAnyArrayBuffer(key)) return new Uint8Array(key);
  if (typeof key !== 'string' && !ArrayBuffer.isView(key)) {
    throw new ERR_INVALID_ARG_TYPE('key',
      bufferOnly ? ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'] :
        ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'], key);
  }
  if (typeof key === 'string') return Buffer.from(key, encoding === 'buffer' ? 'utf8' : encoding);
  return key;
}

function createSecretKey(key, encoding) {
  key = prepareSecretKey(key, encoding, true);
  const copy = Buffer.alloc(key.byteLength);
  copy.set(new Uint8Array(key.buffer || key, key.byteOffset || 0, key.byteLength));
  return new SecretKeyObject(copy);
}

function b64u(s) { return Buffer.from(s, 'base64url'); }

function fromJwk(jwk, isPublic) {
  validateObject(jwk, 'key.key');
  validateOneOf(jwk.kty, 'key.kty', ['RSA', 'EC', 'OKP']);
  if (jwk.kty === 'OKP') {
    validateOneOf(jwk.crv, 'key.crv', ['Ed25519', 'Ed448', 'X25519', 'X448']);
    const type = jwk.crv.toLowerCase();
    if (!isPublic) {
      validateString(jwk.d, 'key.d');
      return binding.fromRaw(type, '', b64u(jwk.d), true);
    }
    validateString(jwk.x, 'key.x');
    return binding.fromRaw(type, '', b64u(jwk.x), false);
  }
  if (jwk.kty === 'EC') {
    validateOneOf(jwk.crv, 'key.crv', ['P-256', 'secp256k1', 'P-384', 'P-521']);
    const curve = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1', secp256k1: 'secp256k1' }[jwk.crv];
    validateString(jwk.x, 'key.x');
    validateString(jwk.y, 'key.y');
    if (!isPublic) {
      validateString(jwk.d, 'key.d');
      const h = binding.ecFromPrivate(curve, b64u(jwk.d));
      const pub = h && Buffer.from(binding.exportRaw(h, true));
      if (!pub || !pub.equals(Buffer.concat([Buffer.from([4]), b64u(jwk.x), b64u(jwk.y)]))) {
        const err = new ERR_CRYPTO_INVALID_JWK();
        err.message = 'Invalid JWK EC key';
        throw err;
      }
      return h;
    }
    return binding.fromRaw('ec', curve, Buffer.concat([Buffer.from([4]), b64u(jwk.x), b64u(jwk.y)]), false);
  }
  if (jwk.kty === 'RSA') {
    validateString(jwk.n, 'key.n');
    validateString(jwk.e, 'key.e');
    const parts = [b64u(jwk.n), b64u(jwk.e)];
    if (!isPublic) {
      for (const k of ['d', 'p', 'q', 'dp', 'dq', 'qi']) {
        validateString(jwk[k], `key.${k}`);
        parts.push(b64u(jwk[k]));
      }
    }
    const h = binding.rsaFromParts(...parts);
    if (h === null) throw new ERR_CRYPTO_INVALID_JWK();
    return h;
  }
  throw new ERR_CRYPTO_INVALID_JWK();
}

// Parses createPublicKey/createPrivateKey input: a PEM string or buffer, or
// {key, format, type, passphrase, encoding}.  Returns a native handle or a
// KeyObject (for KeyObject input).
function parseKeyInput(key, wantPrivate, name = 'key', privateOnly = false) {
  if (typeof key === 'string' || ArrayBuffer.isView(key) || isAnyArrayBuffer(key)) {
    key = { key, format: 'pem' };
  } else if (isKeyObject(key) || isCryptoKeyLazy(key)) {
    return isKeyObject(key) ? key : require('internal/crypto/webcrypto').getKeyObject(key);
  } else if (typeof key !== 'object' || key === null) {
    throw new ERR_INVALID_ARG_TYPE(name, privateOnly ? ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'] :
      ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'], key);
  }
  const { format = 'pem', type = '', passphrase, encoding } = key;
  let data = key.key;
  if (isKeyObject(data) || isCryptoKeyLazy(data)) return parseKeyInput(data, wantPrivate);
  if (format === 'jwk') return fromJwk(data, !wantPrivate);
  validateOneOf(format, 'key.format', ['pem', 'der', 'jwk']);
  if (typeof data === 'string') {
    data = Buffer.from(data, encoding === undefined || encoding === 'buffer' ? 'utf8' : encoding);
  } else if (isAnyArrayBuffer(data)) {
    data = new Uint8Array(data);
  } else if (!ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('key.key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  if (format === 'der') {
    const allowed = wantPrivate ? ['pkcs1', 'pkcs8', 'sec1'] : ['pkcs1', 'spki', 'pkcs8', 'sec1'];
    if (!allowed.includes(type)) throw new ERR_INVALID_ARG_VALUE('key.type', type);
  }
  let pass = null;
  if (passphrase !== undefined && passphrase !== null) {
    pass = typeof passphrase === 'string' ? Buffer.from(passphrase) : passphrase;
  }
  return binding.parse(data, format, type, pass, wantPrivate);
}

function createPublicKey(key) {
  const h = parseKeyInput(key, false);
  if (isKeyObject(h)) {
    if (h.type === 'secret') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE('secret', 'private');
    return new PublicKeyObject(h[kHandle]);
  }
  return new PublicKeyObject(h);
}

function createPrivateKey(key) {
  const h = parseKeyInput(key, true, 'key', true);
  if (isKeyObject(h)) {
    if (h.type !== 'private') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(h.type, 'private');
    return h;
  }
  return new PrivateKeyObject(h);
}

// A private key for signing (KeyObject, CryptoKey, PEM/DER input).
function preparePrivateKey(key) {
  if (isKeyObject(key)) {
    if (key.type !== 'private') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'private');
    return key[kHandle];
  }
  const h = parseKeyInput(key, true);
  if (isKeyObject(h)) {
    if (h.type !== 'private') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(h.type, 'private');
    return h[kHandle];
  }
  return h;
}

// A key for verifying: public or private.
function preparePublicOrPrivateKey(key) {
  if (isKeyObject(key)) {
    if (key.type === 'secret') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE('secret', 'public or private');
    return key[kHandle];
  }
  const h = parseKeyInput(key, false);
  if (isKeyObject(h)) {
    if (h.type === 'secret') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE('secret', 'public or private');
    return h[kHandle];
  }
  return h;
}

// ---- generation ----

const kKeyTypes = ['rsa', 'rsa-pss', 'dsa', 'ec', 'ed25519', 'ed448', 'x25519', 'x448', 'dh'];

function parseKeyGen(type, options) {
  validateString(type, 'type');
  if (!kKeyTypes.includes(type)) {
    throw new ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
  }
  if (options !== undefined) validateObject(options, 'options');
  const o = options || {};
  switch (type) {
    case 'rsa':
    case 'rsa-pss': {
      validateObject(options, 'options');
      validateUint32(o.modulusLength, 'options.modulusLength');
      let e = 0x10001;
      if (o.publicExponent !== undefined) {
        validateUint32(o.publicExponent, 'options.publicExponent');
        e = o.publicExponent;
      }
      return [type, o.modulusLength, e];
    }
    case 'ec': {
      validateObject(options, 'options');
      validateString(o.namedCurve, 'options.namedCurve');
      if (!require('internal/crypto/cipher').getCurves().includes(o.namedCurve) &&
          !['P-256', 'P-384', 'P-521'].includes(o.namedCurve)) {
        throw new ERR_CRYPTO_INVALID_CURVE();
      }
      validateOneOf(o.paramEncoding, 'options.paramEncoding', [undefined, 'named']);
      return [type, o.namedCurve, 0];
    }
    case 'ed25519': case 'ed448': case 'x25519': case 'x448':
      return [type, '', 0];
    default:
      throw new ERR_INVALID_ARG_VALUE('type', type, 'is not supported by devrun-js');
  }
}

function checkEncoding(enc, name, isPublic) {
  if (enc === undefined) return undefined;
  validateObject(enc, name);
  if (enc.format === 'jwk') return enc;
  validateOneOf(enc.format, `${name}.format`, ['pem', 'der', 'jwk']);
  const allowed = isPublic ? ['pkcs1', 'spki'] : ['pkcs1', 'pkcs8', 'sec1'];
  if (!allowed.includes(enc.type)) throw new ERR_INVALID_ARG_VALUE(`${name}.type`, enc.type);
  return enc;
}

function finishPair(handle, pubEnc, privEnc) {
  const publicKey = new PublicKeyObject(handle);
  const privateKey = new PrivateKeyObject(handle);
  return {
    publicKey: pubEnc ? publicKey.export(pubEnc) : publicKey,
    privateKey: privEnc ? privateKey.export(privEnc) : privateKey,
  };
}

function generateKeyPairSync(type, options) {
  const args = parseKeyGen(type, options);
  const pubEnc = checkEncoding(options && options.publicKeyEncoding, 'options.publicKeyEncoding', true);
  const privEnc = checkEncoding(options && options.privateKeyEncoding, 'options.privateKeyEncoding', false);
  return finishPair(binding.generate(...args), pubEnc, privEnc);
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const args = parseKeyGen(type, options);
  const pubEnc = checkEncoding(options && options.publicKeyEncoding, 'options.publicKeyEncoding', true);
  const privEnc = checkEncoding(options && options.privateKeyEncoding, 'options.privateKeyEncoding', false);
  callback = require('internal/async_context').bind(callback);
  binding.generate(...args, (err, handle) => {
    if (err) return callback(err);
    let r;
    try {
      r = finishPair(handle, pubEnc, privEnc);
    } catch (e) {
      return callback(e);
    }
    callback(null, r.publicKey, r.privateKey);
  });
}

function generateKeySync(type, options) {
  validateString(type, 'type');
  validateObject(options, 'options');
  const { length } = options;
  if (type === 'hmac') {
    validateUint32(length, 'options.length');
    if (length < 8 || length > 2 ** 31 - 1) throw new ERR_OUT_OF_RANGE('options.length', '>= 8 && <= 2147483647', length);
  } else if (type === 'aes') {
    validateOneOf(length, 'options.length', [128, 192, 256]);
  } else {
    throw new ERR_INVALID_ARG_VALUE('type', type, "must be a supported key type");
  }
  const bytes = require('internal/crypto/random').randomBytes(Math.floor(length / 8));
  return new SecretKeyObject(bytes);
}

function generateKey(type, options, callback) {
  validateFunction(callback, 'callback');
  const key = generateKeySync(type, options);
  process.nextTick(callback, null, key);
}

module.exports = {
  KeyObject,
  SecretKeyObject,
  PublicKeyObject,
  PrivateKeyObject,
  isKeyObject,
  kHandle,
  kKeyObject,
  kCryptoKeyBrand,
  prepareSecretKey,
  preparePrivateKey,
  preparePublicOrPrivateKey,
  createSecretKey,
  createPublicKey,
  createPrivateKey,
  generateKeyPair,
  generateKeyPairSync,
  generateKey,
  generateKeySync,
};
