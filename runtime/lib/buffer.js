'use strict';
// buffer — Node's Buffer: a Uint8Array subclass (FastBuffer) whose prototype
// carries the Buffer methods, with small allocations carved from a shared
// 8 KiB pool as Node does (Buffer.poolSize; slices are 8-byte aligned).
//
// The byte work (encoding, decoding, compare, indexOf, fill with a pattern,
// swaps) is in C: internalBinding('buffer'), runtime/src/binding_buffer.c.
// This file owns argument validation with Node's error codes and messages,
// the encoding table, the integer/float read/write methods, and the module's
// other exports (Blob, File, atob/btoa, constants, transcode, isUtf8/isAscii).
// Encodings are numbered as in the binding (binding.encodings).

const binding = internalBinding('buffer');
const { isAnyArrayBuffer, isArrayBufferView, isUint8Array } = internalBinding('types');
const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE,
    ERR_INVALID_BUFFER_SIZE, ERR_MISSING_ARGS, ERR_OUT_OF_RANGE, ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');
const { validateArray, validateInteger, validateNumber, validateString } = require('internal/validators');

const E = binding.encodings;
const kMaxLength = 2 ** 32;
const kStringMaxLength = 2 ** 29 - 24;
const constants = Object.defineProperties({}, {
  MAX_LENGTH: { value: kMaxLength, writable: false, enumerable: true },
  MAX_STRING_LENGTH: { value: kStringMaxLength, writable: false, enumerable: true },
});
let INSPECT_MAX_BYTES = 50;

class FastBuffer extends Uint8Array {
  // Using an explicit constructor keeps V8's fast path for `new FastBuffer(n)`.
  constructor(bufferOrLength, byteOffset, length) { // eslint-disable-line no-useless-constructor
    super(bufferOrLength, byteOffset, length);
  }
}

// ---- the pool ------------------------------------------------------------
let poolSize, poolOffset, allocPool;
function createPool() {
  poolSize = Buffer.poolSize;
  allocPool = binding.createUnsafeArrayBuffer ? binding.createUnsafeArrayBuffer(poolSize) : new ArrayBuffer(poolSize);
  poolOffset = 0;
}
function alignPool() {
  if (poolOffset & 0x7) {
    poolOffset |= 0x7;
    poolOffset++;
  }
}

function createUnsafeBuffer(size) {
  if (binding.createUnsafeArrayBuffer && size > 0) return new FastBuffer(binding.createUnsafeArrayBuffer(size));
  return new FastBuffer(size);
}

function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (size > (poolSize - poolOffset)) createPool();
    const b = new FastBuffer(allocPool, poolOffset, size);
    poolOffset += size;
    alignPool();
    return b;
  }
  return createUnsafeBuffer(size);
}

// ---- encodings -------------------------------------------------------------
function base64ByteLength(str, bytes) {
  if (str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  if (bytes > 1 && str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  return (bytes * 3) >>> 2;
}

function makeOps(name, val, byteLength) {
  return {
    encoding: name,
    encodingVal: val,
    byteLength,
    write: (buf, string, offset, len) => binding.write(buf, string, offset, len, val),
    slice: (buf, start, end) => binding.toString(buf, val, start, end),
    indexOf: (buf, val2, byteOffset, dir) => {
      if (val === E.utf8 || val === E.ucs2 || val === E.latin1) {
        return binding.indexOfString(buf, val2, byteOffset, val, dir);
      }
      return binding.indexOfBuffer(buf, fromStringFast(val2, encodingOps[name]), byteOffset, val, dir);
    },
  };
}

const encodingOps = {
  utf8: makeOps('utf8', E.utf8, (s) => binding.byteLengthUtf8(s)),
  ucs2: makeOps('ucs2', E.ucs2, (s) => s.length * 2),
  utf16le: makeOps('utf16le', E.ucs2, (s) => s.length * 2),
  latin1: makeOps('latin1', E.latin1, (s) => s.length),
  ascii: makeOps('ascii', E.ascii, (s) => s.length),
  base64: makeOps('base64', E.base64, (s) => base64ByteLength(s, s.length)),
  base64url: makeOps('base64url', E.base64url, (s) => base64ByteLength(s, s.length)),
  hex: makeOps('hex', E.hex, (s) => s.length >>> 1),
};

// The canonical name of an encoding, or undefined (Node's normalizeEncoding).
function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  const e = `${enc}`.toLowerCase();
  switch (e) {
    case 'utf8': case 'utf-8': case '': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': case 'base64url': case 'hex': case 'ascii': return e;
    default: return undefined;
  }
}

function getEncodingOps(encoding) {
  encoding += '';
  switch (encoding.toLowerCase()) {
    case 'utf8': case 'utf-8': return encodingOps.utf8;
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return encodingOps.utf16le;
    case 'latin1': case 'binary': return encodingOps.latin1;
    case 'base64': return encodingOps.base64;
    case 'base64url': return encodingOps.base64url;
    case 'hex': return encodingOps.hex;
    case 'ascii': return encodingOps.ascii;
    default: return undefined;
  }
}

function fromStringFast(string, ops) {
  // Short UTF-8 strings: one native call writing straight into the pool
  // (3 bytes per UTF-16 unit is the most UTF-8 can need).
  const maxUtf8 = string.length * 3;
  if (ops === encodingOps.utf8 && maxUtf8 < (Buffer.poolSize >>> 1)) {
    if (maxUtf8 > (poolSize - poolOffset)) createPool();
    const actual = binding.write(new FastBuffer(allocPool, poolOffset, maxUtf8), string, 0, maxUtf8, E.utf8);
    const b = new FastBuffer(allocPool, poolOffset, actual);
    poolOffset += actual;
    alignPool();
    return b;
  }
  const length = ops.byteLength(string);
  if (length >= (Buffer.poolSize >>> 1)) {
    return new FastBuffer(binding.fromString(string, ops.encodingVal));
  }
  if (length > (poolSize - poolOffset)) createPool();
  let b = new FastBuffer(allocPool, poolOffset, length);
  const actual = ops.write(b, string, 0, length);
  if (actual !== length) b = new FastBuffer(allocPool, poolOffset, actual);
  poolOffset += actual;
  alignPool();
  return b;
}

function fromString(string, encoding) {
  let ops;
  if (typeof encoding !== 'string' || encoding.length === 0) {
    if (string.length === 0) return new FastBuffer();
    ops = encodingOps.utf8;
  } else {
    ops = getEncodingOps(encoding);
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    if (string.length === 0) return new FastBuffer();
  }
  return fromStringFast(string, ops);
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

function fromArrayLike(obj) {
  if (obj.length <= 0) return new FastBuffer();
  if (obj.length < (Buffer.poolSize >>> 1)) {
    if (obj.length > (poolSize - poolOffset)) createPool();
    const b = new FastBuffer(allocPool, poolOffset, obj.length);
    Uint8Array.prototype.set.call(b, obj, 0);
    poolOffset += obj.length;
    alignPool();
    return b;
  }
  return new FastBuffer(obj);
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
  return undefined;
}

// ---- Buffer ----------------------------------------------------------------
let bufferWarningEmitted = false;
function showFlaggedDeprecation() {
  if (bufferWarningEmitted) return;
  bufferWarningEmitted = true;
  process.emitWarning('Buffer() is deprecated due to security and usability issues. Please use ' +
    'the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.',
  'DeprecationWarning', 'DEP0005');
}

function Buffer(arg, encodingOrOffset, length) {
  showFlaggedDeprecation();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

Object.defineProperty(Buffer, Symbol.species, {
  __proto__: null, enumerable: false, configurable: true, get() { return FastBuffer; },
});
FastBuffer.prototype.constructor = Buffer;
Buffer.prototype = FastBuffer.prototype;
Object.setPrototypeOf(Buffer, Uint8Array);
Buffer.poolSize = 8 * 1024;
createPool();

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value &&
        (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw new ERR_INVALID_ARG_TYPE('first argument',
    ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!isArrayBufferView(view) || !(typeof view.BYTES_PER_ELEMENT === 'number')) {
    throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  }
  const viewLength = view.length;
  if (viewLength === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return new FastBuffer();
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = view.subarray(offset, end);
  }
  return fromArrayLike(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
};

Buffer.of = function of(...items) {
  const b = allocate(items.length);
  for (let i = 0; i < items.length; i++) b[i] = items[i];
  return b;
};

function assertSize(size) {
  validateNumber(size, 'size', 0, kMaxLength);
}

Buffer.alloc = function alloc(size, fill, encoding) {
  assertSize(size);
  if (fill !== undefined && fill !== 0 && size > 0) {
    const buf = createUnsafeBuffer(size);
    return _fill(buf, fill, 0, buf.length, encoding);
  }
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  assertSize(size);
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  assertSize(size);
  return createUnsafeBuffer(size);
};

function SlowBuffer(size) {
  assertSize(size);
  return createUnsafeBuffer(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!isUint8Array(buf2)) throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return binding.compare(buf1, buf2);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 &&
    normalizeEncoding(encoding) !== undefined;
};
Buffer[Symbol.for('kIsEncodingSymbol')] = Buffer.isEncoding;

function validateOffset(value, name, min = 0, max = kMaxLength) {
  validateInteger(value, name, min, max);
}

Buffer.concat = function concat(list, length) {
  validateArray(list, 'list');
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i].length) length += list[i].length;
    }
  } else {
    validateOffset(length, 'length');
  }
  const buffer = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!isUint8Array(buf)) {
      throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    }
    pos += _copyActual(buf, buffer, pos, 0, buf.length);
  }
  if (pos < length) Uint8Array.prototype.fill.call(buffer, 0, pos, length);
  return buffer;
};

function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (isArrayBufferView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const len = string.length;
  const mustMatch = (arguments.length > 2 && arguments[2] === true);
  if (!mustMatch && len === 0) return 0;
  if (!encoding) return (mustMatch ? -1 : binding.byteLengthUtf8(string));
  const ops = getEncodingOps(encoding);
  if (ops === undefined) return (mustMatch ? -1 : binding.byteLengthUtf8(string));
  return ops.byteLength(string);
}
Buffer.byteLength = byteLength;

Object.defineProperty(Buffer.prototype, 'parent', {
  __proto__: null,
  enumerable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.buffer;
  },
});
Object.defineProperty(Buffer.prototype, 'offset', {
  __proto__: null,
  enumerable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.byteOffset;
  },
});

// ---- copy -----------------------------------------------------------------
function toInteger(n, defaultVal) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return ((n % 1) === 0 ? n : Math.floor(n));
  }
  return defaultVal;
}

function _copy(source, target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8Array(source)) throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = toInteger(targetStart, 0);
    if (targetStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > source.length) {
      throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${source.length}`, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = source.length;
  } else {
    sourceEnd = toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  return _copyActual(source, target, targetStart, sourceStart, sourceEnd);
}

function _copyActual(source, target, targetStart, sourceStart, sourceEnd) {
  if (sourceEnd - sourceStart > target.length - targetStart) {
    sourceEnd = sourceStart + target.length - targetStart;
  }
  let nb = sourceEnd - sourceStart;
  const sourceLen = source.length - sourceStart;
  if (nb > sourceLen) nb = sourceLen;
  if (sourceStart !== 0 || sourceEnd < source.length) {
    source = new Uint8Array(source.buffer, source.byteOffset + sourceStart, nb);
  }
  Uint8Array.prototype.set.call(target, source, targetStart);
  return nb;
}

const proto = Buffer.prototype;

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  return _copy(this, target, targetStart, sourceStart, sourceEnd);
};

// ---- toString, equals, compare, inspect --------------------------------------
proto.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return binding.toString(this, E.utf8, 0, this.length);
  const len = this.length;
  if (start <= 0) start = 0;
  else if (start >= len) return '';
  else start = Math.trunc(start) || 0;
  if (end === undefined || end > len) end = len;
  else end = Math.trunc(end) || 0;
  if (end <= start) return '';
  if (encoding === undefined) return binding.toString(this, E.utf8, start, end);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return ops.slice(this, start, end);
};

proto.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) {
    throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  const len = this.byteLength;
  if (len !== otherBuffer.byteLength) return false;
  return len === 0 || binding.compare(this, otherBuffer) === 0;
};

let getOwnNonIndexProperties;
const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
proto[customInspectSymbol] = function inspect(recurseTimes, ctx) {
  const max = INSPECT_MAX_BYTES;
  const actualMax = Math.min(max, this.length);
  const remaining = this.length - max;
  let str = binding.toString(this, E.hex, 0, actualMax).replace(/(.{2})/g, '$1 ').trim();
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  if (ctx) {
    let extras = false;
    if (!getOwnNonIndexProperties) getOwnNonIndexProperties = internalBinding('util').getOwnNonIndexProperties;
    const filter = ctx.showHidden ? 0 : 2;
    const obj = { __proto__: null };
    for (const key of getOwnNonIndexProperties(this, filter)) {
      extras = true;
      obj[key] = this[key];
    }
    if (extras) {
      if (this.length !== 0) str += ', ';
      str += require('internal/util/inspect').inspect(obj, {
        ...ctx, breakLength: Infinity, compact: true,
      }).slice(27, -2);
    }
  }
  return `<${this.constructor.name} ${str}>`;
};
proto.inspect = proto[customInspectSymbol];

proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (arguments.length === 1) return binding.compare(this, target);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return (targetStart >= targetEnd ? 0 : -1);
  if (targetStart >= targetEnd) return 1;
  return binding.compareOffset(this, target, targetStart, sourceStart, targetEnd, sourceEnd);
};

// ---- indexOf ----------------------------------------------------------------
function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
  if (!isUint8Array(buffer)) throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : (buffer.length || buffer.byteLength);
  dir = !!dir;
  if (typeof val === 'number') return binding.indexOfNumber(buffer, val >>> 0, byteOffset, dir);
  let ops;
  if (encoding === undefined) ops = encodingOps.utf8;
  else ops = getEncodingOps(encoding);
  if (typeof val === 'string') {
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    return ops.indexOf(buffer, val, byteOffset, dir);
  }
  if (isUint8Array(val)) {
    const encodingVal = (ops === undefined ? E.utf8 : ops.encodingVal);
    return binding.indexOfBuffer(buffer, val, byteOffset, encodingVal, dir);
  }
  throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}

proto.indexOf = function indexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, true);
};
proto.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, false);
};
proto.includes = function includes(val, byteOffset, encoding) {
  return this.indexOf(val, byteOffset, encoding) !== -1;
};

// ---- fill -------------------------------------------------------------------
function _fill(buf, value, offset, end, encoding) {
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    const normalizedEncoding = normalizeEncoding(encoding);
    if (normalizedEncoding === undefined) {
      validateString(encoding, 'encoding');
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      if (normalizedEncoding === 'utf8') {
        const code = value.charCodeAt(0);
        if (code < 128) value = code;
      } else if (normalizedEncoding === 'latin1') {
        value = value.charCodeAt(0);
      }
    }
    encoding = normalizedEncoding;
  } else {
    encoding = undefined;
  }

  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }

  if (typeof value === 'number') {
    const byteLen = buf.byteLength;
    const fillLength = end - offset;
    if (offset > end || fillLength + offset > byteLen) throw new ERR_BUFFER_OUT_OF_BOUNDS();
    Uint8Array.prototype.fill.call(buf, value, offset, end);
  } else {
    if (typeof value !== 'string') {
      if (isArrayBufferView(value)) {
        if (!isUint8Array(value)) value = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      } else {
        // Anything else is filled as ToUint32(value) & 255, as Node's C++.
        const n = (Number(value) >>> 0) & 255;
        if (offset > end || end > buf.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS();
        Uint8Array.prototype.fill.call(buf, n, offset, end);
        return buf;
      }
    }
    const res = binding.fill(buf, value, offset, end, encoding === undefined ? E.utf8 : getEncodingOps(encoding).encodingVal);
    if (res < 0) {
      if (res === -1) throw new ERR_INVALID_ARG_VALUE('value', value);
      throw new ERR_BUFFER_OUT_OF_BOUNDS();
    }
  }
  return buf;
}

proto.fill = function fill(value, offset, end, encoding) {
  return _fill(this, value, offset, end, encoding);
};

// ---- write ------------------------------------------------------------------
// Node's C++ check: a TypeError with code ERR_INVALID_ARG_TYPE and a short message.
function checkString(string) {
  if (typeof string !== 'string') {
    const err = new TypeError('argument must be a string');
    Object.defineProperty(err, 'code', { value: 'ERR_INVALID_ARG_TYPE', enumerable: true, writable: true, configurable: true });
    err.name = 'TypeError [ERR_INVALID_ARG_TYPE]';
    err.stack; // eslint-disable-line no-unused-expressions
    delete err.name;
    throw err;
  }
}

proto.write = function write(string, offset, length, encoding) {
  if (offset === undefined) {
    checkString(string);
    return binding.write(this, string, 0, this.length, E.utf8);
  }
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  checkString(string);
  if (!encoding || encoding === 'utf8') return binding.write(this, string, offset, length, E.utf8);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return ops.write(this, string, offset, length);
};

proto.toJSON = function toJSON() {
  if (this.length > 0) {
    const data = new Array(this.length);
    for (let i = 0; i < this.length; ++i) data[i] = this[i];
    return { type: 'Buffer', data };
  }
  return { type: 'Buffer', data: [] };
};

// ---- slicing ----------------------------------------------------------------
function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  if (offset < length) return offset;
  return Number.isNaN(offset) ? 0 : length;
}

proto.subarray = function subarray(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};
proto.slice = function slice(start, end) {
  return this.subarray(start, end);
};

// ---- swaps -------------------------------------------------------------------
function swap(b, n, m) {
  const i = b[n];
  b[n] = b[m];
  b[m] = i;
}
proto.swap16 = function swap16() {
  const len = this.length;
  if (len % 2 !== 0) throw new ERR_INVALID_BUFFER_SIZE('16-bits');
  if (len < 128) {
    for (let i = 0; i < len; i += 2) swap(this, i, i + 1);
    return this;
  }
  return binding.swap16(this);
};
proto.swap32 = function swap32() {
  const len = this.length;
  if (len % 4 !== 0) throw new ERR_INVALID_BUFFER_SIZE('32-bits');
  if (len < 192) {
    for (let i = 0; i < len; i += 4) {
      swap(this, i, i + 3);
      swap(this, i + 1, i + 2);
    }
    return this;
  }
  return binding.swap32(this);
};
proto.swap64 = function swap64() {
  const len = this.length;
  if (len % 8 !== 0) throw new ERR_INVALID_BUFFER_SIZE('64-bits');
  if (len < 192) {
    for (let i = 0; i < len; i += 8) {
      swap(this, i, i + 7);
      swap(this, i + 1, i + 6);
      swap(this, i + 2, i + 5);
      swap(this, i + 3, i + 4);
    }
    return this;
  }
  return binding.swap64(this);
};

proto.toLocaleString = proto.toString;

// Legacy per-encoding methods (xxxSlice / xxxWrite).
for (const [name, enc] of [['utf8', E.utf8], ['ucs2', E.ucs2], ['utf16le', E.ucs2],
  ['latin1', E.latin1], ['ascii', E.ascii], ['base64', E.base64],
  ['base64url', E.base64url], ['hex', E.hex]]) {
  proto[`${name}Slice`] = function(start = 0, end = this.length) {
    if (start < 0 || end > this.length || start > end) {
      if (end > this.length || start < 0) throw new ERR_OUT_OF_RANGE('index', `>= 0 && <= ${this.length}`, start < 0 ? start : end);
    }
    return binding.toString(this, enc, start, end);
  };
  proto[`${name}Write`] = function(string, offset = 0, length = this.length - offset) {
    checkString(string);
    if (offset > this.length) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
    return binding.write(this, string, offset, length, enc);
  };
}

// ---- numeric reads and writes --------------------------------------------------
function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type);
    throw new ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}

function checkBounds(buf, offset, byteLength1) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + byteLength1] === undefined) {
    boundsError(offset, buf.length - (byteLength1 + 1));
  }
}

function checkInt(value, min, max, buf, offset, byteLength1) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (byteLength1 > 3) {
      if (min === 0 || min === 0n) {
        range = `>= 0${n} and < 2${n} ** ${(byteLength1 + 1) * 8}${n}`;
      } else {
        range = `>= -(2${n} ** ${(byteLength1 + 1) * 8 - 1}${n}) and ` +
                `< 2${n} ** ${(byteLength1 + 1) * 8 - 1}${n}`;
      }
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw new ERR_OUT_OF_RANGE('value', range, value);
  }
  checkBounds(buf, offset, byteLength1);
}

// Reads n bytes (1..6) at offset as an unsigned integer.
function readU(buf, offset, n, le) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + n - 1] === undefined) boundsError(offset, buf.length - n);
  let v = 0;
  if (le) {
    for (let i = n - 1; i >= 0; i--) v = v * 256 + buf[offset + i];
  } else {
    for (let i = 0; i < n; i++) v = v * 256 + buf[offset + i];
  }
  return v;
}
function readI(buf, offset, n, le) {
  const v = readU(buf, offset, n, le);
  const lim = 2 ** (8 * n - 1);
  return v >= lim ? v - 2 * lim : v;
}
function writeU(buf, value, offset, n, le, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, n - 1);
  let v = value < 0 ? value + 2 ** (8 * n) : value;
  v = Math.trunc(v);
  for (let i = 0; i < n; i++) {
    const b = v % 256;
    buf[le ? offset + i : offset + n - 1 - i] = b;
    v = (v - b) / 256;
  }
  return offset + n;
}
function writeU8(buf, value, offset, min, max) {
  value = +value;
  validateNumber(offset, 'offset');
  if (value > max || value < min) throw new ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value);
  if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
  buf[offset] = value;
  return offset + 1;
}

const uMax = [0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff];
function byteLengthCheck(byteLength) {
  if (byteLength === 1 || byteLength === 2 || byteLength === 3 || byteLength === 4 ||
      byteLength === 5 || byteLength === 6) return;
  boundsError(byteLength, 6, 'byteLength');
}

proto.readUInt8 = function readUInt8(offset = 0) { return readU(this, offset, 1, true); };
proto.readInt8 = function readInt8(offset = 0) { return readI(this, offset, 1, true); };
for (const [bits, n] of [[16, 2], [32, 4]]) {
  proto[`readUInt${bits}LE`] = function(offset = 0) { return readU(this, offset, n, true); };
  proto[`readUInt${bits}BE`] = function(offset = 0) { return readU(this, offset, n, false); };
  proto[`readInt${bits}LE`] = function(offset = 0) { return readI(this, offset, n, true); };
  proto[`readInt${bits}BE`] = function(offset = 0) { return readI(this, offset, n, false); };
  proto[`writeUInt${bits}LE`] = function(value, offset = 0) { return writeU(this, value, offset, n, true, 0, uMax[n]); };
  proto[`writeUInt${bits}BE`] = function(value, offset = 0) { return writeU(this, value, offset, n, false, 0, uMax[n]); };
  proto[`writeInt${bits}LE`] = function(value, offset = 0) {
    return writeU(this, value, offset, n, true, -(2 ** (8 * n - 1)), 2 ** (8 * n - 1) - 1);
  };
  proto[`writeInt${bits}BE`] = function(value, offset = 0) {
    return writeU(this, value, offset, n, false, -(2 ** (8 * n - 1)), 2 ** (8 * n - 1) - 1);
  };
}
proto.writeUInt8 = function writeUInt8(value, offset = 0) { return writeU8(this, value, offset, 0, 0xff); };
proto.writeInt8 = function writeInt8(value, offset = 0) { return writeU8(this, value, offset, -0x80, 0x7f); };

for (const le of [true, false]) {
  const sfx = le ? 'LE' : 'BE';
  proto[`readUInt${sfx}`] = function(offset, byteLength) {
    if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
    byteLengthCheck(byteLength);
    return readU(this, offset, byteLength, le);
  };
  proto[`readInt${sfx}`] = function(offset, byteLength) {
    if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
    byteLengthCheck(byteLength);
    return readI(this, offset, byteLength, le);
  };
  proto[`writeUInt${sfx}`] = function(value, offset, byteLength) {
    byteLengthCheck(byteLength);
    if (byteLength === 1) return writeU8(this, value, offset, 0, 0xff);
    return writeU(this, value, offset, byteLength, le, 0, uMax[byteLength]);
  };
  proto[`writeInt${sfx}`] = function(value, offset, byteLength) {
    byteLengthCheck(byteLength);
    if (byteLength === 1) return writeU8(this, value, offset, -0x80, 0x7f);
    const lim = 2 ** (8 * byteLength - 1);
    return writeU(this, value, offset, byteLength, le, -lim, lim - 1);
  };

  // Floats through a shared scratch typed array.
  const f32 = new Float32Array(1);
  const f64 = new Float64Array(1);
  const u8f = new Uint8Array(f32.buffer);
  const u8d = new Uint8Array(f64.buffer);
  const bigEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;
  const rev = le === bigEndianHost;
  function readF(buf, offset, n, arr, bytes) {
    validateNumber(offset, 'offset');
    if (buf[offset] === undefined || buf[offset + n - 1] === undefined) boundsError(offset, buf.length - n);
    for (let i = 0; i < n; i++) bytes[rev ? n - 1 - i : i] = buf[offset + i];
    return arr[0];
  }
  function writeF(buf, val, offset, n, arr, bytes) {
    val = +val;
    checkBounds(buf, offset, n - 1);
    arr[0] = val;
    for (let i = 0; i < n; i++) buf[offset + i] = bytes[rev ? n - 1 - i : i];
    return offset + n;
  }
  proto[`readFloat${sfx}`] = function(offset = 0) { return readF(this, offset, 4, f32, u8f); };
  proto[`readDouble${sfx}`] = function(offset = 0) { return readF(this, offset, 8, f64, u8d); };
  proto[`writeFloat${sfx}`] = function(value, offset = 0) { return writeF(this, value, offset, 4, f32, u8f); };
  proto[`writeDouble${sfx}`] = function(value, offset = 0) { return writeF(this, value, offset, 8, f64, u8d); };

  proto[`readBigUInt64${sfx}`] = function(offset = 0) {
    validateNumber(offset, 'offset');
    if (this[offset] === undefined || this[offset + 7] === undefined) boundsError(offset, this.length - 8);
    let v = 0n;
    for (let i = 0; i < 8; i++) v = (v << 8n) + BigInt(this[offset + (le ? 7 - i : i)]);
    return v;
  };
  proto[`readBigInt64${sfx}`] = function(offset = 0) {
    return BigInt.asIntN(64, this[`readBigUInt64${sfx}`](offset));
  };
  function writeBig(buf, value, offset, min, max) {
    checkInt(value, min, max, buf, offset, 7);
    value & 0xffffffffn; // eslint-disable-line no-unused-expressions -- Node's TypeError for non-BigInts
    let v = BigInt.asUintN(64, value);
    for (let i = 0; i < 8; i++) {
      buf[le ? offset + i : offset + 7 - i] = Number(v & 0xffn);
      v >>= 8n;
    }
    return offset + 8;
  }
  proto[`writeBigUInt64${sfx}`] = function(value, offset = 0) {
    return writeBig(this, value, offset, 0n, 0xffffffffffffffffn);
  };
  proto[`writeBigInt64${sfx}`] = function(value, offset = 0) {
    return writeBig(this, value, offset, -(2n ** 63n), 2n ** 63n - 1n);
  };
}
// Lower-case aliases (readUint8 ...), as Node defines them.
for (const k of Object.getOwnPropertyNames(proto)) {
  const m = /^(read|write)(Big)?UInt(.*)$/.exec(k);
  if (m) proto[`${m[1]}${m[2] || ''}Uint${m[3]}`] = proto[k];
}
// Give the generated methods their Node names.
for (const k of Object.getOwnPropertyNames(proto)) {
  const d = Object.getOwnPropertyDescriptor(proto, k);
  if (k !== 'constructor' && typeof d.value === 'function' && d.value.name !== k) {
    Object.defineProperty(d.value, 'name', { value: k, configurable: true });
  }
}

// ---- transcode, isUtf8, isAscii, atob, btoa ----------------------------------------
function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (source.length === 0) return Buffer.alloc(0);
  const known = ['ascii', 'latin1', 'utf16le', 'utf8'];
  const from = normalizeEncoding(fromEncoding) || fromEncoding;
  const to = normalizeEncoding(toEncoding) || toEncoding;
  if (!known.includes(from) || !known.includes(to)) {
    const err = new Error(`Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]`);
    err.code = 'U_ILLEGAL_ARGUMENT_ERROR';
    err.errno = 1;
    throw err;
  }
  let s = binding.toString(source, getEncodingOps(from).encodingVal, 0, source.length);
  if (to === 'latin1') s = s.replace(/[^\x00-\xff]/gu, '?');
  else if (to === 'ascii') s = s.replace(/[^\x00-\x7f]/gu, '?');
  return fromString(s, to);
}

function viewOf(input, name) {
  if (isArrayBufferView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (isAnyArrayBuffer(input)) return new Uint8Array(input);
  throw new ERR_INVALID_ARG_TYPE(name, ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}
function isUtf8(input) { return binding.isUtf8(viewOf(input, 'input')); }
function isAscii(input) { return binding.isAscii(viewOf(input, 'input')); }

function invalidChar(msg = 'Invalid character') {
  const { DOMException } = require('internal/domexception');
  return new DOMException(msg, 'InvalidCharacterError');
}

function btoa(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  for (let n = 0; n < input.length; n++) {
    if (input.charCodeAt(n) > 0xff) throw invalidChar();
  }
  return binding.toString(fromString(input, 'latin1'), E.base64, 0, input.length);
}

// The characters forgiving-base64 accepts: whitespace first, then '=' last.
const kAllowed = ' \t\n\f\rABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';
function atob(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  let nonWhitespace = 0;
  let equals = 0;
  for (let n = 0; n < input.length; n++) {
    const index = kAllowed.indexOf(input[n]);
    if (index > 4) {
      nonWhitespace++;
      if (index === kAllowed.length - 1) equals++;
      else if (equals) throw invalidChar();
      if (equals > 2) throw invalidChar();
    } else if (index === -1) {
      throw invalidChar();
    }
  }
  let reminder = nonWhitespace % 4;
  if (!reminder) reminder = (nonWhitespace - equals) % 4;
  else if (equals) throw invalidChar();
  if (reminder === 1) throw invalidChar('The string to be decoded is not correctly encoded.');
  const b = fromString(input, 'base64');
  return binding.toString(b, E.latin1, 0, b.length);
}

let blobModule;
function lazyBlob() {
  if (!blobModule) blobModule = require('internal/buffer_blob');
  return blobModule;
}

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
  constants,
  INSPECT_MAX_BYTES: undefined,
  Blob: undefined,
  resolveObjectURL: undefined,
  File: undefined,
};

Object.defineProperties(module.exports, {
  INSPECT_MAX_BYTES: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return INSPECT_MAX_BYTES; },
    set(val) {
      validateNumber(val, 'INSPECT_MAX_BYTES', 0);
      INSPECT_MAX_BYTES = val;
    },
  },
  Blob: { __proto__: null, configurable: true, enumerable: true, get() { return lazyBlob().Blob; } },
  File: { __proto__: null, configurable: true, enumerable: true, get() { return lazyBlob().File; } },
  resolveObjectURL: {
    __proto__: null, configurable: true, enumerable: true,
    get() { return lazyBlob().resolveObjectURL; },
  },
});

// For other builtins (fs, string_decoder): the pool-aware helpers.
Object.defineProperty(module.exports, '_internal', {
  __proto__: null, enumerable: false, value: { FastBuffer, normalizeEncoding, getEncodingOps, binding },
});
