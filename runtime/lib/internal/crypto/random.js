'use strict';
// internal/crypto/random — randomBytes, randomFill(Sync), randomInt,
// randomUUID and getRandomValues on OpenSSL's RAND_bytes
// (internalBinding('crypto').randomFill / randomFillAsync on the thread pool).

const binding = internalBinding('crypto');
const { Buffer } = require('buffer');
const { codes } = require('internal/crypto/util');
const { validateNumber, validateFunction, validateObject, validateBoolean } = require('internal/validators');
const { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE } = codes;
const types = internalBinding('types');
// Completion callbacks run in the async context of the call.
const { bind: bindFrame } = require('internal/async_context');

const kMaxLength = 2 ** 31 - 1;
const kMaxPossibleLength = Math.min(kMaxLength, 2 ** 32 - 1);

function assertSize(size, elementSize, offset, length) {
  validateNumber(size, 'size');
  size *= elementSize;
  if (Number.isNaN(size) || size > kMaxPossibleLength || size < 0) {
    throw new ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxPossibleLength}`, size);
  }
  if (size + offset > length) {
    throw new ERR_OUT_OF_RANGE('size + offset', `<= ${length}`, size + offset);
  }
  return size >>> 0;
}

function assertOffset(offset, elementSize, length) {
  validateNumber(offset, 'offset');
  offset *= elementSize;
  const maxLength = Math.min(length, kMaxPossibleLength);
  if (Number.isNaN(offset) || offset > maxLength || offset < 0) {
    throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${maxLength}`, offset);
  }
  return offset >>> 0;
}

function randomBytes(size, callback) {
  validateNumber(size, 'size', 0, kMaxLength);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const buf = Buffer.alloc(size);
  if (callback === undefined) {
    binding.randomFill(buf, 0, size);
    return buf;
  }
  callback = bindFrame(callback);
  binding.randomFillAsync(buf, 0, size, (err) => {
    if (err) return callback(err);
    callback(null, buf);
  });
}

function checkBuf(buf) {
  if (!types.isAnyArrayBuffer(buf) && !ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
}

function viewOf(buf) {
  return ArrayBuffer.isView(buf) ? buf : new Uint8Array(buf);
}

function randomFillSync(buf, offset = 0, size) {
  checkBuf(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  const bytes = buf.byteLength;
  offset = assertOffset(offset, elementSize, bytes);
  if (size === undefined) size = bytes - offset;
  else size = assertSize(size, elementSize, offset, bytes);
  if (size === 0) return buf;
  binding.randomFill(viewOf(buf), offset, size);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  checkBuf(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  const bytes = buf.byteLength;
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = bytes;
  } else if (typeof size === 'function') {
    validateFunction(size, 'callback');
    callback = size;
    offset = assertOffset(offset, elementSize, bytes);
    size = bytes - offset;
  } else {
    validateFunction(callback, 'callback');
    offset = assertOffset(offset, elementSize, bytes);
    if (size === undefined) size = bytes - offset;
    else size = assertSize(size, elementSize, offset, bytes);
  }
  validateFunction(callback, 'callback');
  if (size === 0) {
    process.nextTick(callback, null, buf);
    return;
  }
  callback = bindFrame(callback);
  binding.randomFillAsync(viewOf(buf), offset, size, (err) => {
    if (err) return callback(err);
    callback(null, buf);
  });
}

// randomInt: 48-bit random numbers with rejection sampling, as Node.
const RAND_MAX = 0xFFFFFFFFFFFF;
let randomCache = Buffer.alloc(6 * 1024);
let randomCacheOffset = randomCache.length;

function randomInt(min, max, callback) {
  const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!Number.isSafeInteger(min)) throw new ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw new ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) {
    throw new ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
  if (!(range <= RAND_MAX)) {
    throw new ERR_OUT_OF_RANGE(`max${minNotSpecified ? '' : ' - min'}`, `<= ${RAND_MAX}`, range);
  }
  const randLimit = RAND_MAX - (RAND_MAX % range);
  for (;;) {
    if (randomCacheOffset >= randomCache.length) {
      binding.randomFill(randomCache, 0, randomCache.length);
      randomCacheOffset = 0;
    }
    const x = randomCache.readUIntBE(randomCacheOffset, 6);
    randomCacheOffset += 6;
    if (x <= randLimit) {
      const n = (x % range) + min;
      if (isSync) return n;
      process.nextTick(callback, undefined, n);
      return;
    }
  }
}

// randomUUID: v4 UUIDs from a cache of 128 UUIDs' worth of entropy.
const kHexBytes = [];
for (let i = 0; i < 256; i++) kHexBytes[i] = (i < 16 ? '0' : '') + i.toString(16);
let uuidData;
let uuidBatch = 0;
let uuidNotBuffered;

function serializeUUID(buf, offset = 0) {
  const h = kHexBytes;
  return h[buf[offset]] + h[buf[offset + 1]] + h[buf[offset + 2]] + h[buf[offset + 3]] + '-' +
    h[buf[offset + 4]] + h[buf[offset + 5]] + '-' +
    h[(buf[offset + 6] & 0x0f) | 0x40] + h[buf[offset + 7]] + '-' +
    h[(buf[offset + 8] & 0x3f) | 0x80] + h[buf[offset + 9]] + '-' +
    h[buf[offset + 10]] + h[buf[offset + 11]] + h[buf[offset + 12]] +
    h[buf[offset + 13]] + h[buf[offset + 14]] + h[buf[offset + 15]];
}

function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  const { disableEntropyCache = false } = options || {};
  validateBoolean(disableEntropyCache, 'options.disableEntropyCache');
  if (disableEntropyCache) {
    if (uuidNotBuffered === undefined) uuidNotBuffered = Buffer.alloc(16);
    binding.randomFill(uuidNotBuffered, 0, 16);
    return serializeUUID(uuidNotBuffered);
  }
  if (uuidData === undefined) uuidData = Buffer.alloc(16 * 128);
  if (uuidBatch === 0) binding.randomFill(uuidData, 0, uuidData.length);
  uuidBatch = (uuidBatch + 1) % 128;
  return serializeUUID(uuidData, uuidBatch * 16);
}

function isIntegerTypedArray(data) {
  return types.isInt8Array(data) || types.isUint8Array(data) || types.isUint8ClampedArray(data) ||
    types.isInt16Array(data) || types.isUint16Array(data) || types.isInt32Array(data) ||
    types.isUint32Array(data) || types.isBigInt64Array(data) || types.isBigUint64Array(data);
}

function getRandomValues(data) {
  if (!isIntegerTypedArray(data)) {
    const { DOMException } = require('internal/domexception');
    throw new DOMException('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
  }
  if (data.byteLength > 65536) {
    const { DOMException } = require('internal/domexception');
    throw new DOMException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
  }
  binding.randomFill(data, 0, data.byteLength);
  return data;
}

module.exports = {
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  getRandomValues,
};
