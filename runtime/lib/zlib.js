'use strict';
// zlib — Node's zlib module: Deflate/Inflate/Gzip/Gunzip/DeflateRaw/
// InflateRaw/Unzip and BrotliCompress/BrotliDecompress as Transform streams
// (their work runs on the libuv thread pool), the callback and *Sync
// convenience functions, flush()/params()/reset()/close(), crc32 and the
// constants.  The codecs are in runtime/src/binding_zlib.c (zlib, libbrotli).

const binding = internalBinding('zlib');
const { Buffer } = require('buffer');
const kMaxLength = require('buffer').kMaxLength || require('buffer').constants.MAX_LENGTH;
const { Transform, finished } = require('stream');
const { E, codes } = require('internal/errors');
const { validateFunction, validateNumber, validateUint32 } = require('internal/validators');
const types = internalBinding('types');
// Completion callbacks run in the async context the stream was created in
// (as Node's zlib handle, an async resource).
const asyncContext = require('internal/async_context');
// ... and, for async_hooks, in the stream's ZLIB resource.
const asyncHooks = require('internal/async_hooks');
const kAsyncId = asyncHooks.async_id_symbol;
const kTriggerId = asyncHooks.trigger_async_id_symbol;

E('ERR_BUFFER_TOO_LARGE', (max) => `Cannot create a Buffer larger than ${max} bytes`, RangeError);
E('ERR_ZLIB_INITIALIZATION_FAILED', 'Initialization failed', Error);
E('ERR_BROTLI_INVALID_PARAM', '%s is not a valid Brotli parameter', RangeError);
const {
  ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, ERR_BUFFER_TOO_LARGE, ERR_ZLIB_INITIALIZATION_FAILED,
  ERR_BROTLI_INVALID_PARAM,
} = codes;

const constants = { ...binding.constants };
const {
  Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH,
  Z_MIN_CHUNK, Z_MAX_CHUNK, Z_DEFAULT_CHUNK, Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS,
  Z_DEFAULT_WINDOWBITS, Z_MIN_LEVEL, Z_MAX_LEVEL, Z_DEFAULT_COMPRESSION, Z_MIN_MEMLEVEL,
  Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL, Z_DEFAULT_STRATEGY, Z_FIXED,
  DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP, BROTLI_DECODE, BROTLI_ENCODE,
  BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH, BROTLI_OPERATION_FINISH,
} = constants;

// zlib.codes: names <-> numbers of the zlib return codes.
const codesTable = {
  Z_OK: constants.Z_OK, Z_STREAM_END: constants.Z_STREAM_END, Z_NEED_DICT: constants.Z_NEED_DICT,
  Z_ERRNO: constants.Z_ERRNO, Z_STREAM_ERROR: constants.Z_STREAM_ERROR,
  Z_DATA_ERROR: constants.Z_DATA_ERROR, Z_MEM_ERROR: constants.Z_MEM_ERROR,
  Z_BUF_ERROR: constants.Z_BUF_ERROR, Z_VERSION_ERROR: constants.Z_VERSION_ERROR,
};
for (const ckey of Object.keys(codesTable)) codesTable[codesTable[ckey]] = ckey;
Object.freeze(codesTable);

const kFlushFlag = Symbol('kFlushFlag');
const kError = Symbol('kError');
const kHandle = Symbol('kHandle');
const kBusy = Symbol('kBusy');
const kFrame = Symbol('kFrame');

function codecError(e) {
  const err = new Error(e.message);
  err.errno = e.errno;
  err.code = e.code;
  return err;
}

function checkFiniteNumber(number, name) {
  if (number === undefined) return false;
  if (Number.isFinite(number)) return true;
  if (Number.isNaN(number)) return false;
  validateNumber(number, name);
  throw new ERR_OUT_OF_RANGE(name, 'a finite number', number);
}

function checkRangesOrGetDefault(number, name, lower, upper, def) {
  if (!checkFiniteNumber(number, name)) return def;
  if (number < lower || number > upper) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${lower} and <= ${upper}`, number);
  }
  return number;
}

// The strongest of two flush flags (Z_PARTIAL_FLUSH ranks below Z_BLOCK? no:
// Node orders NO < BLOCK < PARTIAL < SYNC < FULL < FINISH).
const flushiness = [];
[Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH].forEach((f, i) => { flushiness[f] = i; });
function maxFlush(a, b) { return flushiness[a] > flushiness[b] ? a : b; }

function ZlibBase(opts, mode, handle, { flush, finishFlush, fullFlush }) {
  let chunkSize = Z_DEFAULT_CHUNK;
  let maxOutputLength = kMaxLength;
  if (opts) {
    chunkSize = opts.chunkSize;
    if (!checkFiniteNumber(chunkSize, 'options.chunkSize')) {
      chunkSize = Z_DEFAULT_CHUNK;
    } else if (chunkSize < Z_MIN_CHUNK) {
      throw new ERR_OUT_OF_RANGE('options.chunkSize', `>= ${Z_MIN_CHUNK}`, chunkSize);
    }
    flush = checkRangesOrGetDefault(opts.flush, 'options.flush', Z_NO_FLUSH, Z_BLOCK, flush);
    finishFlush = checkRangesOrGetDefault(opts.finishFlush, 'options.finishFlush', Z_NO_FLUSH, Z_BLOCK, finishFlush);
    maxOutputLength = checkRangesOrGetDefault(opts.maxOutputLength, 'options.maxOutputLength', 1, kMaxLength, kMaxLength);
    if (opts.encoding || opts.objectMode || opts.writableObjectMode) {
      opts = { ...opts };
      opts.encoding = null;
      opts.objectMode = false;
      opts.writableObjectMode = false;
    }
  }
  Transform.call(this, { autoDestroy: true, ...opts });
  this[kError] = null;
  this.bytesWritten = 0;
  this._handle = handle;
  this[kHandle] = handle;
  this._outBuffer = null;
  this._outOffset = 0;
  this._chunkSize = chunkSize;
  this._defaultFlushFlag = flush;
  this._finishFlushFlag = finishFlush;
  this._defaultFullFlushFlag = fullFlush;
  this._info = opts && opts.info;
  this._maxOutputLength = maxOutputLength;
  this[kBusy] = false;
  this[kFrame] = asyncContext.capture();
  this[kAsyncId] = asyncHooks.newAsyncId();
  this[kTriggerId] = asyncHooks.getDefaultTriggerAsyncId();
  if (asyncHooks.initHooksExist()) asyncHooks.emitInit(this[kAsyncId], 'ZLIB', this[kTriggerId], this);
}
Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
Object.setPrototypeOf(ZlibBase, Transform);

Object.defineProperty(ZlibBase.prototype, '_closed', {
  configurable: true, enumerable: true,
  get() { return !this._handle; },
});

// Legacy: bytesRead is bytesWritten.
Object.defineProperty(ZlibBase.prototype, 'bytesRead', {
  configurable: true, enumerable: true,
  get() { return this.bytesWritten; },
  set(value) { this.bytesWritten = value; },
});

ZlibBase.prototype.reset = function() {
  if (!this._handle) return;
  binding.reset(this._handle);
};

ZlibBase.prototype._flush = function(callback) {
  this._transform(Buffer.alloc(0), '', callback);
};

ZlibBase.prototype._final = function(callback) {
  callback();
};

ZlibBase.prototype.flush = function(kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = this._defaultFullFlushFlag;
  }
  if (this.writableFinished) {
    if (callback) process.nextTick(callback);
  } else if (this.writableEnded) {
    if (callback) this.once('end', callback);
  } else {
    const buf = Buffer.alloc(0);
    buf[kFlushFlag] = kind;
    this.write(buf, '', callback);
  }
};

ZlibBase.prototype.close = function(callback) {
  if (callback) finished(this, callback);
  this.destroy();
};

ZlibBase.prototype._destroy = function(err, callback) {
  if (this._handle && !this[kBusy]) binding.close(this._handle);
  if (this._handle && asyncHooks.destroyHooksExist()) asyncHooks.emitDestroy(this[kAsyncId]);
  this._handle = null;
  callback(err);
};

ZlibBase.prototype._transform = function(chunk, encoding, cb) {
  let flushFlag = this._defaultFlushFlag;
  if (typeof chunk[kFlushFlag] === 'number') flushFlag = chunk[kFlushFlag];
  if (this.writableEnded && this.writableLength === chunk.byteLength) {
    flushFlag = maxFlush(flushFlag, this._finishFlushFlag);
  }
  processChunk(this, chunk, flushFlag, cb);
};

ZlibBase.prototype._processChunk = function(chunk, flushFlag, cb) {
  if (typeof cb === 'function') processChunk(this, chunk, flushFlag, cb);
  else return processChunkSync(this, chunk, flushFlag);
};

function pushOutput(self, ab) {
  const out = Buffer.from(ab);
  const size = self._chunkSize;
  for (let off = 0; off < out.length; off += size) {
    self.push(out.subarray(off, Math.min(out.length, off + size)));
  }
}

function processChunk(self, chunk, flushFlag, cb) {
  const handle = self._handle;
  if (!handle) return process.nextTick(cb);
  self[kBusy] = true;
  // In parallel-deflate mode the binding may answer at once (see
  // binding_zlib.c): the result is returned and the callback is not called.
  const done = (err, ab) => asyncHooks.runInResource(self[kAsyncId], self[kTriggerId], self, after, undefined, [err, ab]);
  const after = (err, ab) => asyncContext.runInFrame(self[kFrame], () => {
    self[kBusy] = false;
    if (self.destroyed) {
      if (self._handle) binding.close(self._handle);
      self._handle = null;
      cb();
      return;
    }
    if (err) {
      const error = codecError(err);
      self[kError] = error;
      self.destroy(error);
      return;
    }
    self.bytesWritten += chunk.byteLength;
    if (ab.byteLength > 0) pushOutput(self, ab);
    cb();
  });
  const r = binding.writeAsync(handle, chunk, flushFlag, done);
  if (r !== undefined) {
    if (r instanceof ArrayBuffer) done(null, r);
    else done(r);
  }
}

function processChunkSync(self, chunk, flushFlag) {
  if (!self._handle) throw new Error('zlib binding closed');
  const r = binding.write(self._handle, chunk, flushFlag);
  if (!(r instanceof ArrayBuffer)) {
    const error = codecError(r);
    self[kError] = error;
    self.destroy();
    throw error;
  }
  self.bytesWritten += chunk.byteLength;
  if (r.byteLength > self._maxOutputLength) {
    self.destroy();
    throw new ERR_BUFFER_TOO_LARGE(self._maxOutputLength);
  }
  return Buffer.from(r);
}

// ---- zlib classes ----
function Zlib(opts, mode) {
  let windowBits = Z_DEFAULT_WINDOWBITS;
  let level = Z_DEFAULT_COMPRESSION;
  let memLevel = Z_DEFAULT_MEMLEVEL;
  let strategy = Z_DEFAULT_STRATEGY;
  let dictionary;
  if (opts) {
    if ((opts.windowBits == null || opts.windowBits === 0) &&
        (mode === INFLATE || mode === GUNZIP || mode === UNZIP)) {
      windowBits = 0;
    } else {
      windowBits = checkRangesOrGetDefault(opts.windowBits, 'options.windowBits',
        Z_MIN_WINDOWBITS + (mode === GZIP ? 1 : 0), Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS);
    }
    level = checkRangesOrGetDefault(opts.level, 'options.level', Z_MIN_LEVEL, Z_MAX_LEVEL, Z_DEFAULT_COMPRESSION);
    memLevel = checkRangesOrGetDefault(opts.memLevel, 'options.memLevel', Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL);
    strategy = checkRangesOrGetDefault(opts.strategy, 'options.strategy', Z_DEFAULT_STRATEGY, Z_FIXED, Z_DEFAULT_STRATEGY);
    dictionary = opts.dictionary;
    if (dictionary !== undefined && !ArrayBuffer.isView(dictionary)) {
      if (types.isAnyArrayBuffer(dictionary)) {
        dictionary = Buffer.from(dictionary);
      } else {
        throw new ERR_INVALID_ARG_TYPE('options.dictionary', ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], dictionary);
      }
    }
  }
  // zlib refuses windowBits 8 for raw deflate; Node uses 9 then.
  if (windowBits === 8 && (mode === DEFLATERAW || mode === DEFLATE)) windowBits = 9;
  const handle = binding.init(mode, level, windowBits, memLevel, strategy, dictionary);
  if (typeof handle === 'number') {
    throw new ERR_ZLIB_INITIALIZATION_FAILED();
  }
  ZlibBase.call(this, opts, mode, handle, { flush: Z_NO_FLUSH, finishFlush: Z_FINISH, fullFlush: Z_FULL_FLUSH });
  this._level = level;
  this._strategy = strategy;
}
Object.setPrototypeOf(Zlib.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Zlib, ZlibBase);

Zlib.prototype.params = function params(level, strategy, callback) {
  checkRangesOrGetDefault(level, 'level', Z_MIN_LEVEL, Z_MAX_LEVEL);
  checkRangesOrGetDefault(strategy, 'strategy', Z_DEFAULT_STRATEGY, Z_FIXED);
  if (this._level !== level || this._strategy !== strategy) {
    this.flush(Z_SYNC_FLUSH, () => {
      if (this._handle) binding.params(this._handle, level, strategy);
      this._level = level;
      this._strategy = strategy;
      if (callback) callback();
    });
  } else if (callback) {
    process.nextTick(callback);
  }
};

function makeZlibClass(name, mode) {
  const C = {
    [name]: function(opts) {
      if (!(this instanceof C)) return new C(opts);
      Zlib.call(this, opts, mode);
    },
  }[name];
  Object.setPrototypeOf(C.prototype, Zlib.prototype);
  Object.setPrototypeOf(C, Zlib);
  return C;
}
const Deflate = makeZlibClass('Deflate', DEFLATE);
const Inflate = makeZlibClass('Inflate', INFLATE);
const Gzip = makeZlibClass('Gzip', GZIP);
const Gunzip = makeZlibClass('Gunzip', GUNZIP);
const DeflateRaw = makeZlibClass('DeflateRaw', DEFLATERAW);
const InflateRaw = makeZlibClass('InflateRaw', INFLATERAW);
const Unzip = makeZlibClass('Unzip', UNZIP);

// ---- Brotli ----
const kMaxBrotliParam = 9;
function Brotli(opts, mode) {
  const params = [];
  if (opts && opts.params) {
    for (const origKey of Object.keys(opts.params)) {
      const key = +origKey;
      if (Number.isNaN(key) || key < 0 || key > kMaxBrotliParam || params.some((p) => p[0] === key)) {
        throw new ERR_BROTLI_INVALID_PARAM(origKey);
      }
      const value = opts.params[origKey];
      if (typeof value !== 'number' && typeof value !== 'boolean') {
        throw new ERR_INVALID_ARG_TYPE('options.params[key]', 'number', opts.params[origKey]);
      }
      params.push([key, +value]);
    }
  }
  const flat = new Uint32Array(params.length * 2);
  params.forEach(([k, v], i) => { flat[2 * i] = k; flat[2 * i + 1] = v; });
  const handle = binding.brotliInit(mode, flat);
  if (handle === null) throw new ERR_ZLIB_INITIALIZATION_FAILED();
  ZlibBase.call(this, opts, mode, handle, {
    flush: BROTLI_OPERATION_PROCESS, finishFlush: BROTLI_OPERATION_FINISH, fullFlush: BROTLI_OPERATION_FLUSH,
  });
}
Object.setPrototypeOf(Brotli.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Brotli, ZlibBase);

function BrotliCompress(opts) {
  if (!(this instanceof BrotliCompress)) return new BrotliCompress(opts);
  Brotli.call(this, opts, BROTLI_ENCODE);
}
Object.setPrototypeOf(BrotliCompress.prototype, Brotli.prototype);
Object.setPrototypeOf(BrotliCompress, Brotli);

function BrotliDecompress(opts) {
  if (!(this instanceof BrotliDecompress)) return new BrotliDecompress(opts);
  Brotli.call(this, opts, BROTLI_DECODE);
}
Object.setPrototypeOf(BrotliDecompress.prototype, Brotli.prototype);
Object.setPrototypeOf(BrotliDecompress, Brotli);

// ---- convenience functions ----
function toBuffer(buffer) {
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (!ArrayBuffer.isView(buffer)) {
    if (types.isAnyArrayBuffer(buffer)) return Buffer.from(buffer);
    throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], buffer);
  }
  return buffer;
}

function zlibBufferSync(engine, buffer) {
  buffer = toBuffer(buffer);
  const out = processChunkSync(engine, buffer, engine._finishFlushFlag);
  if (engine._info) return { buffer: out, engine };
  engine.destroy();
  return out;
}

function zlibBuffer(engine, buffer, callback) {
  validateFunction(callback, 'callback');
  buffer = toBuffer(buffer);
  const chunks = [];
  let nread = 0;
  engine.on('data', (chunk) => {
    chunks.push(chunk);
    nread += chunk.length;
    if (nread > engine._maxOutputLength) {
      engine.removeAllListeners('data');
      engine.destroy(new ERR_BUFFER_TOO_LARGE(engine._maxOutputLength));
    }
  });
  engine.once('error', (err) => {
    engine.removeAllListeners('end');
    callback(err);
  });
  engine.once('end', () => {
    const buf = Buffer.concat(chunks, nread);
    engine.close();
    if (engine._info) callback(null, { buffer: buf, engine });
    else callback(null, buf);
  });
  engine.end(buffer);
}

function createConvenienceMethod(ctor, sync) {
  if (sync) {
    return function syncBufferWrapper(buffer, opts) {
      return zlibBufferSync(new ctor(opts), buffer);
    };
  }
  return function asyncBufferWrapper(buffer, opts, callback) {
    if (typeof opts === 'function') {
      callback = opts;
      opts = {};
    }
    return zlibBuffer(new ctor(opts), buffer, callback);
  };
}

function crc32(data, value = 0) {
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  }
  validateUint32(value, 'value');
  return binding.crc32(typeof data === 'string' ? Buffer.from(data) : data, value);
}

module.exports = {
  crc32,
  Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip, BrotliCompress, BrotliDecompress,
  deflate: createConvenienceMethod(Deflate, false),
  deflateSync: createConvenienceMethod(Deflate, true),
  gzip: createConvenienceMethod(Gzip, false),
  gzipSync: createConvenienceMethod(Gzip, true),
  deflateRaw: createConvenienceMethod(DeflateRaw, false),
  deflateRawSync: createConvenienceMethod(DeflateRaw, true),
  unzip: createConvenienceMethod(Unzip, false),
  unzipSync: createConvenienceMethod(Unzip, true),
  inflate: createConvenienceMethod(Inflate, false),
  inflateSync: createConvenienceMethod(Inflate, true),
  gunzip: createConvenienceMethod(Gunzip, false),
  gunzipSync: createConvenienceMethod(Gunzip, true),
  inflateRaw: createConvenienceMethod(InflateRaw, false),
  inflateRawSync: createConvenienceMethod(InflateRaw, true),
  brotliCompress: createConvenienceMethod(BrotliCompress, false),
  brotliCompressSync: createConvenienceMethod(BrotliCompress, true),
  brotliDecompress: createConvenienceMethod(BrotliDecompress, false),
  brotliDecompressSync: createConvenienceMethod(BrotliDecompress, true),
};

for (const [name, C] of [['Deflate', Deflate], ['Inflate', Inflate], ['DeflateRaw', DeflateRaw],
  ['InflateRaw', InflateRaw], ['Gzip', Gzip], ['Gunzip', Gunzip], ['Unzip', Unzip],
  ['BrotliCompress', BrotliCompress], ['BrotliDecompress', BrotliDecompress]]) {
  module.exports[`create${name}`] = (options) => new C(options);
}

Object.defineProperties(module.exports, {
  constants: { configurable: false, enumerable: true, value: constants },
  codes: { enumerable: true, writable: false, value: codesTable },
});
// Legacy: the constants are also on the module itself (not enumerable).
for (const key of Object.keys(constants)) {
  if (key.startsWith('BROTLI')) continue;
  Object.defineProperty(module.exports, key, { enumerable: false, value: constants[key], writable: false });
}
