'use strict';
// internal/crypto/webcrypto — the Web Crypto API (crypto.webcrypto,
// globalThis.crypto): Crypto, SubtleCrypto and CryptoKey, built on the
// node:crypto primitives.  SubtleCrypto covers digest (SHA-1/256/384/512),
// HMAC, AES-GCM/CBC/CTR, ECDSA (P-256/384/521) and Ed25519: generateKey,
// importKey and exportKey (raw, jwk, spki, pkcs8 as the algorithm allows),
// sign/verify, encrypt/decrypt; deriveBits for HKDF and PBKDF2.  Other
// algorithms reject with NotSupportedError.

const { Buffer } = require('buffer');
const { codes } = require('internal/crypto/util');
const keys = require('internal/crypto/keys');
const { kHandle, kCryptoKeyBrand } = keys;
const random = require('internal/crypto/random');

let DOMExceptionCtor;
function domException(message, name) {
  if (!DOMExceptionCtor) DOMExceptionCtor = require('internal/domexception').DOMException;
  return new DOMExceptionCtor(message, name);
}

const kKeyObject = Symbol('kKeyObject');
const kAlgorithm = Symbol('kAlgorithm');
const kExtractable = Symbol('kExtractable');
const kUsages = Symbol('kUsages');
const kConstruct = Symbol('kConstruct');

class CryptoKey {
  constructor(token) {
    if (token !== kConstruct) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
  }
  get type() { return this[kKeyObject].type; }
  get extractable() { return this[kExtractable]; }
  get algorithm() { return this[kAlgorithm]; }
  get usages() { return this[kUsages]; }
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, { value: 'CryptoKey', configurable: true });

Object.defineProperty(CryptoKey.prototype, Symbol.for('nodejs.util.inspect.custom'), {
  configurable: true, writable: true,
  value: function inspect(depth, options, inspectFn) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    const fn = inspectFn || require('internal/util/inspect').inspect;
    return `CryptoKey ${fn({
      type: this.type, extractable: this.extractable, algorithm: this.algorithm, usages: this.usages,
    }, opts)}`;
  },
});

function makeKey(keyObject, algorithm, extractable, usages) {
  const k = new CryptoKey(kConstruct);
  const hidden = (key, value) => Object.defineProperty(k, key, { value, writable: false, enumerable: false });
  hidden(kKeyObject, keyObject);
  hidden(kAlgorithm, algorithm);
  hidden(kExtractable, extractable);
  hidden(kUsages, usages);
  hidden(kCryptoKeyBrand, true);
  return k;
}

function isCryptoKey(v) { return v != null && typeof v === 'object' && v[kCryptoKeyBrand] === true; }
function getKeyObject(k) { return k[kKeyObject]; }

// ---- algorithm normalisation ----
const kHashes = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
const kNames = ['HMAC', 'AES-GCM', 'AES-CBC', 'AES-CTR', 'ECDSA', 'Ed25519', 'HKDF', 'PBKDF2',
  'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'];
const kAes = ['AES-GCM', 'AES-CBC', 'AES-CTR'];
const kCurves = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' };

function canonicalName(name) {
  const up = String(name).toUpperCase();
  const n = kNames.find((x) => x.toUpperCase() === up);
  if (!n) throw domException('Unrecognized algorithm name', 'NotSupportedError');
  return n;
}

function missing(dict, member) {
  const err = new codes.ERR_MISSING_OPTION('x');
  err.message = 'Failed to normalize algorithm: passed algorithm can not be converted to ' +
    `'${dict}' because '${member}' is required in '${dict}'.`;
  return err;
}

function normalize(alg) {
  if (typeof alg === 'string') return { name: canonicalName(alg) };
  if (alg === null || typeof alg !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('algorithm', ['string', 'Object'], alg);
  }
  if (alg.name === undefined) throw missing('Algorithm', 'name');
  const out = { ...alg, name: canonicalName(alg.name) };
  if (alg.hash !== undefined) out.hash = normalizeHash(alg.hash);
  return out;
}

function normalizeHash(h) {
  const n = normalize(h).name;
  if (!kHashes[n]) throw domException('Unrecognized algorithm name', 'NotSupportedError');
  return { name: n };
}

const kOrdinals = ['', '1st', '2nd', '3rd', '4th', '5th'];
// WebIDL BufferSource conversion; `where` is [method, argument index].
function bufferSource(data, name, where) {
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (where) {
    const err = new codes.ERR_INVALID_ARG_TYPE('x', 'x', data);
    err.message = `Failed to execute '${where[0]}' on 'SubtleCrypto': ${kOrdinals[where[1]]} argument is not ` +
      'instance of ArrayBuffer, Buffer, TypedArray, or DataView.';
    throw err;
  }
  throw new codes.ERR_INVALID_ARG_TYPE(name, ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], data);
}

function notCryptoKey(method, ordinal) {
  const err = new codes.ERR_INVALID_ARG_TYPE('x', 'x', undefined);
  err.message = `Failed to execute '${method}' on 'SubtleCrypto': ${kOrdinals[ordinal]} argument is not of type CryptoKey.`;
  return err;
}

function toAB(buf) {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
}

function checkUsages(usages, allowed, algName) {
  const article = /^[AEIOUH]/.test(algName) ? 'an' : 'a';
  if (algName === 'AES-GCM') algName = 'AES';
  for (const u of usages) {
    if (!allowed.includes(u)) throw domException(`Unsupported key usage for ${article} ${algName} key`, 'SyntaxError');
  }
}

function checkKey(key, name, usage) {
  if (!isCryptoKey(key)) throw notCryptoKey(usage, 2);
  if (!key.usages.includes(usage)) {
    if (usage === 'sign' || usage === 'verify') {
      throw domException(`Unable to use this key to ${usage}`, 'InvalidAccessError');
    }
    if (usage === 'deriveBits') {
      throw domException('baseKey does not have deriveBits usage', 'InvalidAccessError');
    }
    throw domException('The requested operation is not valid for the provided key', 'InvalidAccessError');
  }
  if (key.algorithm.name !== name) {
    throw domException('The requested operation is not valid for the provided key', 'InvalidAccessError');
  }
}

function hmacBlockBits(hash) { return hash === 'SHA-384' || hash === 'SHA-512' ? 1024 : 512; }

// ---- operations (synchronous bodies; SubtleCrypto wraps them in promises) ----

function digest(algorithm, data) {
  const { name } = normalize(algorithm);
  if (!kHashes[name]) throw domException('Unrecognized algorithm name', 'NotSupportedError');
  const h = require('crypto').createHash(kHashes[name]);
  h.update(bufferSource(data, 'data', ['digest', 2]));
  return toAB(h.digest());
}

function generateKey(algorithm, extractable, usages) {
  const alg = normalize(algorithm);
  usages = [...usages];
  switch (alg.name) {
    case 'HMAC': {
      if (!alg.hash) throw missing('HmacKeyGenParams', 'hash');
      checkUsages(usages, ['sign', 'verify'], 'HMAC');
      const length = alg.length === undefined ? hmacBlockBits(alg.hash.name) : alg.length;
      const ko = keys.createSecretKey(random.randomBytes(Math.ceil(length / 8)));
      return makeKey(ko, { name: 'HMAC', length, hash: alg.hash }, extractable, usages);
    }
    case 'AES-GCM':
    case 'AES-CBC':
    case 'AES-CTR': {
      if (![128, 192, 256].includes(alg.length)) {
        throw domException('AES key length must be 128, 192, or 256 bits', 'OperationError');
      }
      checkUsages(usages, ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'], 'AES-GCM');
      const ko = keys.createSecretKey(random.randomBytes(alg.length / 8));
      return makeKey(ko, { name: alg.name, length: alg.length }, extractable, usages);
    }
    case 'ECDSA':
    case 'Ed25519': {
      checkUsages(usages, ['sign', 'verify'], alg.name);
      let pair;
      let algo;
      if (alg.name === 'ECDSA') {
        const curve = kCurves[alg.namedCurve];
        if (!curve) throw domException('Unrecognized namedCurve', 'NotSupportedError');
        pair = keys.generateKeyPairSync('ec', { namedCurve: curve });
        algo = { name: 'ECDSA', namedCurve: alg.namedCurve };
      } else {
        pair = keys.generateKeyPairSync('ed25519');
        algo = { name: 'Ed25519' };
      }
      if (usages.length === 0) throw domException('Usages cannot be empty when creating a key.', 'SyntaxError');
      return {
        publicKey: makeKey(pair.publicKey, { ...algo }, true, usages.filter((u) => u === 'verify')),
        privateKey: makeKey(pair.privateKey, { ...algo }, extractable, usages.filter((u) => u === 'sign')),
      };
    }
    default:
      throw domException('Unrecognized algorithm name', 'NotSupportedError');
  }
}

function importKey(format, keyData, algorithm, extractable, usages) {
  const alg = normalize(algorithm);
  usages = [...usages];
  switch (alg.name) {
    case 'HKDF':
    case 'PBKDF2': {
      if (format !== 'raw') {
        throw domException(`Unable to import ${alg.name} key with format ${format}`, 'NotSupportedError');
      }
      if (extractable) throw domException(`${alg.name} keys are not extractable`, 'SyntaxError');
      checkUsages(usages, ['deriveKey', 'deriveBits'], alg.name);
      const bytes = Buffer.from(bufferSource(keyData, 'keyData'));
      return makeKey(keys.createSecretKey(bytes), { name: alg.name }, false, usages);
    }
    case 'HMAC':
    case 'AES-GCM':
    case 'AES-CBC':
    case 'AES-CTR': {
      let bytes;
      if (format === 'raw') {
        bytes = Buffer.from(bufferSource(keyData, 'keyData'));
      } else if (format === 'jwk') {
        if (!keyData || keyData.kty !== 'oct' || typeof keyData.k !== 'string') {
          throw domException('Invalid keyData', 'DataError');
        }
        bytes = Buffer.from(keyData.k, 'base64url');
      } else {
        throw domException(`Unable to import ${alg.name} key with format ${format}`, 'NotSupportedError');
      }
      if (alg.name === 'HMAC') {
        if (!alg.hash) throw missing('HmacImportParams', 'hash');
        checkUsages(usages, ['sign', 'verify'], 'HMAC');
        if (bytes.length === 0) throw domException('Zero-length key is not supported', 'DataError');
        const length = alg.length === undefined ? bytes.length * 8 : alg.length;
        return makeKey(keys.createSecretKey(bytes), { name: 'HMAC', hash: alg.hash, length }, extractable, usages);
      }
      checkUsages(usages, ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'], 'AES-GCM');
      if (![16, 24, 32].includes(bytes.length)) {
        throw domException('Invalid key length', 'DataError');
      }
      return makeKey(keys.createSecretKey(bytes), { name: alg.name, length: bytes.length * 8 }, extractable, usages);
    }
    case 'ECDSA':
    case 'Ed25519': {
      const isEc = alg.name === 'ECDSA';
      let ko;
      try {
        if (format === 'spki') {
          ko = keys.createPublicKey({ key: bufferSource(keyData, 'keyData'), format: 'der', type: 'spki' });
        } else if (format === 'pkcs8') {
          ko = keys.createPrivateKey({ key: bufferSource(keyData, 'keyData'), format: 'der', type: 'pkcs8' });
        } else if (format === 'jwk') {
          const isPrivate = keyData && keyData.d !== undefined;
          ko = isPrivate ? keys.createPrivateKey({ key: keyData, format: 'jwk' }) :
            keys.createPublicKey({ key: keyData, format: 'jwk' });
        } else if (format === 'raw') {
          const raw = bufferSource(keyData, 'keyData');
          const jwk = isEc ? null : { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') };
          if (isEc) {
            const curve = kCurves[alg.namedCurve];
            if (!curve) throw domException('Unrecognized namedCurve', 'NotSupportedError');
            ko = new keys.PublicKeyObject(internalBinding('crypto_keys').fromRaw('ec', curve, raw, false));
          } else {
            ko = keys.createPublicKey({ key: jwk, format: 'jwk' });
          }
        } else {
          throw domException(`Unable to import ${alg.name} key with format ${format}`, 'NotSupportedError');
        }
      } catch (e) {
        if (e && e.name === 'NotSupportedError') throw e;
        throw domException('Invalid keyData', 'DataError');
      }
      if (isEc && ko.asymmetricKeyType !== 'ec' || !isEc && ko.asymmetricKeyType !== 'ed25519') {
        throw domException('Invalid key type', 'DataError');
      }
      checkUsages(usages, ko.type === 'public' ? ['verify'] : ['sign'], alg.name);
      let algo = { name: alg.name };
      if (isEc) {
        const curve = ko.asymmetricKeyDetails.namedCurve;
        const named = Object.keys(kCurves).find((k) => kCurves[k] === curve);
        if (alg.namedCurve !== named) throw domException('Named curve mismatch', 'DataError');
        algo = { name: 'ECDSA', namedCurve: named };
      }
      return makeKey(ko, algo, extractable, usages);
    }
    default:
      throw domException('Unrecognized algorithm name', 'NotSupportedError');
  }
}

function exportKey(format, key) {
  if (!isCryptoKey(key)) throw new codes.ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
  // Node 20 names this DOMException InvalidAccessException (code 0).
  if (!key.extractable) throw domException('key is not extractable', 'InvalidAccessException');
  const ko = key[kKeyObject];
  const name = key.algorithm.name;
  if (ko.type === 'secret') {
    if (format === 'raw') return toAB(ko.export());
    if (format === 'jwk') {
      const jwk = { key_ops: [...key.usages], ext: key.extractable, kty: 'oct', k: ko.export().toString('base64url') };
      if (name === 'HMAC') jwk.alg = `HS${key.algorithm.hash.name.slice(4)}`;
      else jwk.alg = `A${key.algorithm.length}${name.slice(4)}`;
      return jwk;
    }
  } else {
    if (format === 'spki' && ko.type === 'public') return toAB(ko.export({ format: 'der', type: 'spki' }));
    if (format === 'pkcs8' && ko.type === 'private') return toAB(ko.export({ format: 'der', type: 'pkcs8' }));
    if (format === 'jwk') {
      const jwk = ko.export({ format: 'jwk' });
      jwk.key_ops = [...key.usages];
      jwk.ext = key.extractable;
      return jwk;
    }
    if (format === 'raw' && ko.type === 'public') {
      return toAB(Buffer.from(internalBinding('crypto_keys').exportRaw(ko[kHandle], true)));
    }
  }
  throw domException(`Unable to export a raw ${name} ${ko.type} key`, 'InvalidAccessError');
}

function signVerify(mode, algorithm, key, signature, data) {
  const alg = normalize(algorithm);
  checkKey(key, alg.name, mode);
  data = bufferSource(data, 'data', [mode, mode === 'sign' ? 3 : 4]);
  const c = require('crypto');
  const ko = key[kKeyObject];
  switch (alg.name) {
    case 'HMAC': {
      const mac = c.createHmac(kHashes[key.algorithm.hash.name], ko).update(data).digest();
      if (mode === 'sign') return toAB(mac);
      const sig = bufferSource(signature, 'signature');
      return sig.length === mac.length && c.timingSafeEqual(sig, mac);
    }
    case 'ECDSA': {
      if (!alg.hash) throw missing('EcdsaParams', 'hash');
      const opts = { key: ko, dsaEncoding: 'ieee-p1363' };
      if (mode === 'sign') return toAB(c.sign(kHashes[alg.hash.name], data, opts));
      return c.verify(kHashes[alg.hash.name], data, opts, bufferSource(signature, 'signature'));
    }
    case 'Ed25519':
      if (mode === 'sign') return toAB(c.sign(null, data, ko));
      return c.verify(null, data, ko, bufferSource(signature, 'signature'));
    default:
      throw domException('Unrecognized algorithm name', 'NotSupportedError');
  }
}

function aesCbcCtr(mode, alg, key, data) {
  const c = require('crypto');
  const bits = key.algorithm.length;
  const ko = key[kKeyObject];
  let name, iv;
  if (alg.name === 'AES-CBC') {
    iv = bufferSource(alg.iv, 'algorithm.iv');
    if (iv.length !== 16) throw domException('algorithm.iv must contain exactly 16 bytes', 'OperationError');
    name = `aes-${bits}-cbc`;
  } else {
    iv = bufferSource(alg.counter, 'algorithm.counter');
    if (iv.length !== 16) throw domException('algorithm.counter must contain exactly 16 bytes', 'OperationError');
    // OpenSSL increments the whole 128-bit block: the same as a counter of
    // `length` bits unless that counter wraps around within one message.
    if (!(alg.length > 0 && alg.length <= 128)) {
      throw domException('AES-CTR algorithm.length must be between 1 and 128', 'OperationError');
    }
    name = `aes-${bits}-ctr`;
  }
  const f = mode === 'encrypt' ? c.createCipheriv(name, ko, iv) : c.createDecipheriv(name, ko, iv);
  try {
    return toAB(Buffer.concat([f.update(data), f.final()]));
  } catch {
    throw domException('The operation failed for an operation-specific reason', 'OperationError');
  }
}

function aesGcm(mode, algorithm, key, data) {
  const alg = normalize(algorithm);
  if (!kAes.includes(alg.name)) throw domException('Unrecognized algorithm name', 'NotSupportedError');
  checkKey(key, alg.name, mode);
  if (alg.name !== 'AES-GCM') return aesCbcCtr(mode, alg, key, bufferSource(data, 'data', [mode, 3]));
  const iv = bufferSource(alg.iv, 'algorithm.iv');
  const tagLength = alg.tagLength === undefined ? 128 : alg.tagLength;
  if (![32, 64, 96, 104, 112, 120, 128].includes(tagLength)) {
    throw domException(`${tagLength} is not a valid AES-GCM tag length`, 'OperationError');
  }
  data = bufferSource(data, 'data', [mode, 3]);
  const c = require('crypto');
  const name = `aes-${key.algorithm.length}-gcm`;
  const tagBytes = tagLength / 8;
  const ko = key[kKeyObject];
  if (mode === 'encrypt') {
    const ci = c.createCipheriv(name, ko, iv, { authTagLength: tagBytes });
    if (alg.additionalData !== undefined) ci.setAAD(bufferSource(alg.additionalData, 'algorithm.additionalData'));
    const out = Buffer.concat([ci.update(data), ci.final(), ci.getAuthTag()]);
    return toAB(out);
  }
  if (data.length < tagBytes) throw domException('The provided data is too small.', 'OperationError');
  const d = c.createDecipheriv(name, ko, iv, { authTagLength: tagBytes });
  if (alg.additionalData !== undefined) d.setAAD(bufferSource(alg.additionalData, 'algorithm.additionalData'));
  d.setAuthTag(data.subarray(data.length - tagBytes));
  try {
    return toAB(Buffer.concat([d.update(data.subarray(0, data.length - tagBytes)), d.final()]));
  } catch {
    throw domException('The operation failed for an operation-specific reason', 'OperationError');
  }
}

function deriveBits(algorithm, baseKey, length) {
  const alg = normalize(algorithm);
  if (alg.name !== 'HKDF' && alg.name !== 'PBKDF2') {
    throw domException('Unrecognized algorithm name', 'NotSupportedError');
  }
  checkKey(baseKey, alg.name, 'deriveBits');
  if (!alg.hash) throw missing(alg.name === 'HKDF' ? 'HkdfParams' : 'Pbkdf2Params', 'hash');
  if (length === null || length === undefined || length % 8 !== 0) {
    throw domException('length must be a multiple of 8', 'OperationError');
  }
  const c = require('crypto');
  const secret = baseKey[kKeyObject].export();
  const salt = bufferSource(alg.salt, 'algorithm.salt');
  if (alg.name === 'HKDF') {
    const info = bufferSource(alg.info, 'algorithm.info');
    if (length === 0) return new ArrayBuffer(0);
    return c.hkdfSync(kHashes[alg.hash.name], secret, salt, info, length / 8);
  }
  if (!(alg.iterations > 0)) throw domException('iterations cannot be zero', 'OperationError');
  return toAB(c.pbkdf2Sync(secret, salt, alg.iterations, length / 8, kHashes[alg.hash.name]));
}

function promised(fn) {
  return function(...args) {
    if (this !== subtle) return Promise.reject(new codes.ERR_INVALID_THIS('SubtleCrypto'));
    return new Promise((resolve) => resolve(fn(...args)));
  };
}

class SubtleCrypto {
  constructor(token) {
    if (token !== kConstruct) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
  }
}
const subtleMethods = {
  digest: (algorithm, data) => digest(algorithm, data),
  generateKey: (algorithm, extractable, usages) => generateKey(algorithm, extractable, usages),
  importKey: (format, keyData, algorithm, extractable, usages) =>
    importKey(format, keyData, algorithm, extractable, usages),
  exportKey: (format, key) => exportKey(format, key),
  sign: (algorithm, key, data) => signVerify('sign', algorithm, key, undefined, data),
  verify: (algorithm, key, signature, data) => signVerify('verify', algorithm, key, signature, data),
  encrypt: (algorithm, key, data) => aesGcm('encrypt', algorithm, key, data),
  decrypt: (algorithm, key, data) => aesGcm('decrypt', algorithm, key, data),
  deriveBits: (algorithm, baseKey, length) => deriveBits(algorithm, baseKey, length),
};
for (const [name, fn] of Object.entries(subtleMethods)) {
  const m = promised(fn);
  Object.defineProperty(m, 'name', { value: name });
  Object.defineProperty(SubtleCrypto.prototype, name, { value: m, writable: true, configurable: true, enumerable: true });
}
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, { value: 'SubtleCrypto', configurable: true });
const subtle = new SubtleCrypto(kConstruct);

class Crypto {
  constructor(token) {
    if (token !== kConstruct) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
  }
  get subtle() {
    if (this !== crypto) throw new codes.ERR_INVALID_THIS('Crypto');
    return subtle;
  }
  getRandomValues(array) {
    if (this !== crypto) throw new codes.ERR_INVALID_THIS('Crypto');
    return random.getRandomValues(array);
  }
  randomUUID() {
    if (this !== crypto) throw new codes.ERR_INVALID_THIS('Crypto');
    return random.randomUUID();
  }
}
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: 'Crypto', configurable: true });
const crypto = new Crypto(kConstruct);

module.exports = { crypto, Crypto, CryptoKey, SubtleCrypto, isCryptoKey, getKeyObject };
