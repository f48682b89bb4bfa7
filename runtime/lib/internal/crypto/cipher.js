'use strict';
// internal/crypto/cipher — createCipheriv/createDecipheriv (Cipheriv,
// Decipheriv: LazyTransform streams), getCipherInfo and the algorithm lists,
// on internalBinding('crypto').cipher*.

const binding = internalBinding('crypto');
const { Buffer } = require('buffer');
const { StringDecoder } = require('string_decoder');
const {
  validateString, validateObject, validateInt32, validateNumber, validateInteger,
} = require('internal/validators');
const { codes, LazyTransform, toBuf, getArrayBufferOrView } = require('internal/crypto/util');
const {
  ERR_CRYPTO_UNKNOWN_CIPHER, ERR_CRYPTO_INVALID_KEYLEN, ERR_CRYPTO_INVALID_IV,
  ERR_CRYPTO_INVALID_AUTH_TAG, ERR_CRYPTO_INVALID_STATE, ERR_INVALID_ARG_TYPE,
} = codes;

const kHandle = Symbol('kHandle');
const kState = Symbol('kState');

function getDecoder(decoder, encoding) {
  encoding = require('internal/util').normalizeEncoding(encoding);
  decoder = decoder || new StringDecoder(encoding);
  return decoder;
}

function createCipherBase(cipher, key, iv, options, encrypt) {
  validateString(cipher, 'cipher');
  const { prepareSecretKey } = require('internal/crypto/keys');
  const encoding = options && options.encoding;
  key = prepareSecretKey(key, encoding);
  if (iv !== null) iv = getArrayBufferOrView(iv, 'iv');
  if (iv !== null && !ArrayBuffer.isView(iv)) iv = new Uint8Array(iv);
  let authTagLength = -1;
  if (options !== undefined && options !== null) {
    validateObject(options, 'options');
    if (options.authTagLength !== undefined) {
      validateInt32(options.authTagLength, 'options.authTagLength', 0);
      authTagLength = options.authTagLength;
    }
  }
  const h = binding.cipherNew(cipher, key, iv, encrypt, authTagLength);
  if (typeof h === 'number') {
    switch (h) {
      case -1: throw new ERR_CRYPTO_UNKNOWN_CIPHER();
      case -2: throw new ERR_CRYPTO_INVALID_KEYLEN();
      case -3: throw new ERR_CRYPTO_INVALID_IV();
      default: throw new ERR_CRYPTO_INVALID_AUTH_TAG(authTagLength);
    }
  }
  this[kHandle] = h;
  this[kState] = { finalized: false, authTagLength, encrypt, authTagSet: false };
  this._decoder = null;
  LazyTransform.call(this, options);
}

function Cipheriv(cipher, key, iv, options) {
  if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
  createCipherBase.call(this, cipher, key, iv, options, true);
}
Object.setPrototypeOf(Cipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Cipheriv, LazyTransform);

Cipheriv.prototype._transform = function _transform(chunk, encoding, callback) {
  this.push(this[kHandle] && toBuf(binding.cipherUpdate(this[kHandle], toData(chunk, encoding))));
  callback();
};

Cipheriv.prototype._flush = function _flush(callback) {
  try {
    this.push(this.final());
  } catch (e) {
    callback(e);
    return;
  }
  callback();
};

function toData(data, inputEncoding) {
  if (typeof data === 'string') {
    return Buffer.from(data, inputEncoding === undefined || inputEncoding === 'buffer' ? 'utf8' : inputEncoding);
  }
  if (!ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  return data;
}

Cipheriv.prototype.update = function update(data, inputEncoding, outputEncoding) {
  if (this[kState].finalized) throw new Error('Trying to add data in unsupported state');
  const ret = toBuf(binding.cipherUpdate(this[kHandle], toData(data, inputEncoding)));
  if (outputEncoding && outputEncoding !== 'buffer') {
    this._decoder = getDecoder(this._decoder, outputEncoding);
    return this._decoder.write(ret);
  }
  return ret;
};

Cipheriv.prototype.final = function final(outputEncoding) {
  if (this[kState].finalized) {
    const err = new ERR_CRYPTO_INVALID_STATE('final');
    err.message = 'Invalid state';
    throw err;
  }
  this[kState].finalized = true;
  const ret = toBuf(binding.cipherFinal(this[kHandle]));
  if (outputEncoding && outputEncoding !== 'buffer') {
    this._decoder = getDecoder(this._decoder, outputEncoding);
    return this._decoder.end(ret);
  }
  return ret;
};

Cipheriv.prototype.setAutoPadding = function setAutoPadding(ap) {
  if (this[kState].finalized || !binding.cipherSetAutoPadding(this[kHandle], ap === undefined ? true : !!ap)) {
    throw new ERR_CRYPTO_INVALID_STATE('setAutoPadding');
  }
  return this;
};

Cipheriv.prototype.getAuthTag = function getAuthTag() {
  const tag = this[kState].encrypt ? binding.cipherGetAuthTag(this[kHandle]) : undefined;
  if (tag === undefined) throw new ERR_CRYPTO_INVALID_STATE('getAuthTag');
  return toBuf(tag);
};

const setAuthTagImpl = function setAuthTag(tagbuf, encoding) {
  tagbuf = getArrayBufferOrView(tagbuf, 'buffer', encoding);
  if (!ArrayBuffer.isView(tagbuf)) tagbuf = new Uint8Array(tagbuf);
  const st = this[kState];
  if (st.encrypt || st.finalized || st.authTagSet) throw new ERR_CRYPTO_INVALID_STATE('setAuthTag');
  const n = tagbuf.byteLength;
  const validGcm = n === 4 || n === 8 || (n >= 12 && n <= 16);
  if ((st.authTagLength >= 0 && n !== st.authTagLength) || !validGcm && n > 16 || n === 0 ||
      (st.authTagLength < 0 && !validGcm)) {
    throw new ERR_CRYPTO_INVALID_AUTH_TAG(n);
  }
  if (!binding.cipherSetAuthTag(this[kHandle], tagbuf)) throw new ERR_CRYPTO_INVALID_STATE('setAuthTag');
  st.authTagSet = true;
  return this;
};

Cipheriv.prototype.setAuthTag = setAuthTagImpl;

Cipheriv.prototype.setAAD = function setAAD(aadbuf, options) {
  const encoding = options && options.encoding;
  aadbuf = getArrayBufferOrView(aadbuf, 'aadbuf', encoding);
  if (!ArrayBuffer.isView(aadbuf)) aadbuf = new Uint8Array(aadbuf);
  let plaintextLength = -1;
  if (options && options.plaintextLength !== undefined) {
    validateInt32(options.plaintextLength, 'options.plaintextLength', 0);
    plaintextLength = options.plaintextLength;
  }
  if (this[kState].finalized || !binding.cipherSetAAD(this[kHandle], aadbuf, plaintextLength)) {
    throw new ERR_CRYPTO_INVALID_STATE('setAAD');
  }
  return this;
};

function Decipheriv(cipher, key, iv, options) {
  if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
  createCipherBase.call(this, cipher, key, iv, options, false);
}
Object.setPrototypeOf(Decipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Decipheriv, LazyTransform);
for (const m of ['_transform', '_flush', 'update', 'final', 'setAutoPadding', 'setAuthTag', 'setAAD']) {
  Decipheriv.prototype[m] = Cipheriv.prototype[m];
}
// Only a cipher has getAuthTag, only a decipher setAuthTag (as Node).
delete Cipheriv.prototype.setAuthTag;

function createCipheriv(cipher, key, iv, options) {
  return new Cipheriv(cipher, key, iv, options);
}
function createDecipheriv(cipher, key, iv, options) {
  return new Decipheriv(cipher, key, iv, options);
}

let hashes, ciphers, curves;
function getHashes() { return (hashes = hashes || binding.getHashes()).slice(); }
function getCiphers() { return (ciphers = ciphers || binding.getCiphers()).slice(); }
function getCurves() { return (curves = curves || binding.getCurves().sort()).slice(); }

function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('nameOrNid', ['string', 'number'], nameOrNid);
  }
  if (typeof nameOrNid === 'number') validateInt32(nameOrNid, 'nameOrNid');
  let keyLength, ivLength;
  if (options !== undefined) {
    validateObject(options, 'options');
    ({ keyLength, ivLength } = options);
    if (keyLength !== undefined) validateInt32(keyLength, 'options.keyLength');
    if (ivLength !== undefined) validateInt32(ivLength, 'options.ivLength');
  }
  const raw = binding.cipherInfo(nameOrNid);
  if (raw === undefined) return undefined;
  if (keyLength !== undefined && keyLength !== raw.keyLength) return undefined;
  if (ivLength !== undefined && ivLength !== raw.ivLength) {
    if (!(['gcm', 'ccm', 'ocb'].includes(raw.mode) || raw.name === 'chacha20-poly1305')) return undefined;
  }
  const info = { mode: raw.mode, name: raw.name, nid: raw.nid };
  if (info.mode === undefined) delete info.mode;
  if (raw.blockSize !== undefined) info.blockSize = raw.blockSize;
  if (raw.ivLength !== undefined) info.ivLength = ivLength !== undefined ? ivLength : raw.ivLength;
  info.keyLength = raw.keyLength;
  return info;
}

module.exports = {
  Cipheriv,
  Decipheriv,
  createCipheriv,
  createDecipheriv,
  getHashes,
  getCiphers,
  getCurves,
  getCipherInfo,
};
