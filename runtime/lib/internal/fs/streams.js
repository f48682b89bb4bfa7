'use strict';
// internal/fs/streams — fs.ReadStream and fs.WriteStream on the stream
// module's Readable/Writable.  The file is opened in _construct (so 'open'
// and 'ready' come before any data), read in highWaterMark chunks (64 KiB by
// default) within the inclusive [start, end] range, written with positional
// writes when `start` is given, and closed in _destroy unless autoClose is
// false.  `fd` may be a number or an fs/promises FileHandle.

const { Readable, Writable, finished } = require('stream');
const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { validateInteger, validateFunction } = require('internal/validators');
const { getValidatedPath, getValidatedFd, copyObject, getOptions } =
  require('internal/fs/utils');

const kIsPerformingIO = Symbol('kIsPerformingIO');
const kFs = Symbol('kFs');
const kHandle = Symbol('kHandle');

function lazyFs() { return require('fs'); }

function importFd(stream, options) {
  if (typeof options.fd === 'number') {
    stream[kFs] = options.fs || lazyFs();
    return getValidatedFd(options.fd);
  }
  if (options.fd != null && typeof options.fd === 'object' && typeof options.fd.fd === 'number') {
    // A FileHandle: use its fd, close through it.
    stream[kHandle] = options.fd;
    stream[kFs] = lazyFs();
    options.fd.on('close', () => stream.destroy());
    return options.fd.fd;
  }
  throw new ERR_INVALID_ARG_TYPE('options.fd', ['number', 'FileHandle'], options.fd);
}

function validateFs(fsObj, names) {
  for (const n of names) {
    if (typeof fsObj[n] !== 'function') validateFunction(fsObj[n], `options.fs.${n}`);
  }
}

function openStream(stream, cb) {
  stream[kFs].open(stream.path, stream.flags, stream.mode, (er, fd) => {
    if (er) {
      cb(er);
      return;
    }
    stream.fd = fd;
    cb();
    stream.emit('open', stream.fd);
    stream.emit('ready');
  });
}

function closeStream(stream, err, cb) {
  if (stream[kHandle]) {
    stream[kHandle].close().then(() => cb(err), cb);
  } else if (stream.fd === null || stream.fd === undefined) {
    cb(err);
  } else {
    stream[kFs].close(stream.fd, (er) => cb(er || err));
  }
  stream.fd = null;
}

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = copyObject(getOptions(options, {}));
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  if (options.autoDestroy === undefined) options.autoDestroy = false;
  if (options.fd == null) {
    this.fd = null;
    this[kFs] = options.fs || lazyFs();
    validateFs(this[kFs], ['open', 'read', 'close']);
    this.path = getValidatedPath(path);
    this.flags = options.flags === undefined ? 'r' : options.flags;
    this.mode = options.mode === undefined ? 0o666 : options.mode;
  } else {
    this.fd = importFd(this, options);
    this.path = undefined;
    this.flags = options.flags === undefined ? 'r' : options.flags;
    this.mode = options.mode === undefined ? 0o666 : options.mode;
  }
  options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  this.start = options.start;
  this.end = options.end ?? Infinity;
  this.pos = undefined;
  this.bytesRead = 0;
  this[kIsPerformingIO] = false;
  if (this.start !== undefined) {
    validateInteger(this.start, 'start', 0);
    this.pos = this.start;
  }
  if (this.end !== Infinity) {
    validateInteger(this.end, 'end', 0);
    if (this.start !== undefined && this.start > this.end) {
      throw new ERR_OUT_OF_RANGE('start', `<= "end" (here: ${this.end})`, this.start);
    }
  }
  Reflect.apply(Readable, this, [options]);
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

Object.defineProperty(ReadStream.prototype, 'autoClose', {
  __proto__: null,
  get() { return this._readableState.autoDestroy; },
  set(val) { this._readableState.autoDestroy = val; },
});

ReadStream.prototype._construct = function(callback) {
  if (typeof this.fd === 'number') {
    callback();
    return;
  }
  openStream(this, callback);
};

ReadStream.prototype._read = function(n) {
  n = this.pos !== undefined ? Math.min(this.end - this.pos + 1, n) : Math.min(this.end - this.bytesRead + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  const buf = Buffer.allocUnsafeSlow(n);
  this[kIsPerformingIO] = true;
  this[kFs].read(this.fd, buf, 0, n, this.pos ?? null, (er, bytesRead) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      this.emit(kIsPerformingIO, er);
      return;
    }
    if (er) {
      this.destroy(er);
    } else if (bytesRead > 0) {
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      this.push(bytesRead !== buf.length ? buf.subarray(0, bytesRead) : buf);
    } else {
      this.push(null);
    }
  });
};

ReadStream.prototype._destroy = function(err, cb) {
  if (this[kIsPerformingIO]) {
    this.once(kIsPerformingIO, (er) => closeStream(this, err || er, cb));
  } else {
    closeStream(this, err, cb);
  }
};

ReadStream.prototype.close = function(cb) {
  if (typeof cb === 'function') finished(this, cb);
  this.destroy();
};

Object.defineProperty(ReadStream.prototype, 'pending', {
  __proto__: null, get() { return this.fd === null; }, configurable: true,
});

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = copyObject(getOptions(options, {}));
  options.decodeStrings = true;
  if (options.fd == null) {
    this.fd = null;
    this[kFs] = options.fs || lazyFs();
    validateFs(this[kFs], ['open', 'write', 'close']);
    this.path = getValidatedPath(path);
    this.flags = options.flags === undefined ? 'w' : options.flags;
    this.mode = options.mode === undefined ? 0o666 : options.mode;
  } else {
    this.fd = importFd(this, options);
    this.path = undefined;
    this.flags = options.flags === undefined ? 'w' : options.flags;
    this.mode = options.mode === undefined ? 0o666 : options.mode;
  }
  options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  this.start = options.start;
  this.pos = undefined;
  this.bytesWritten = 0;
  this[kIsPerformingIO] = false;
  if (this.start !== undefined) {
    validateInteger(this.start, 'start', 0);
    this.pos = this.start;
  }
  Reflect.apply(Writable, this, [options]);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

Object.defineProperty(WriteStream.prototype, 'autoClose', {
  __proto__: null,
  get() { return this._writableState.autoDestroy; },
  set(val) { this._writableState.autoDestroy = val; },
});

WriteStream.prototype._construct = ReadStream.prototype._construct;

function writeAll(stream, data, pos, cb) {
  stream[kFs].write(stream.fd, data, 0, data.length, pos, (er, bytesWritten) => {
    if (er) return cb(er);
    stream.bytesWritten += bytesWritten;
    if (bytesWritten < data.length) {
      return writeAll(stream, data.subarray(bytesWritten), pos == null ? pos : pos + bytesWritten, cb);
    }
    cb();
  });
}

WriteStream.prototype._write = function(data, encoding, cb) {
  this[kIsPerformingIO] = true;
  const pos = this.pos;
  if (this.pos !== undefined) this.pos += data.length;
  writeAll(this, data, pos ?? null, (er) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      cb(er);
      return this.emit(kIsPerformingIO);
    }
    cb(er);
  });
};

WriteStream.prototype._writev = function(data, cb) {
  const chunks = data.map((d) => d.chunk);
  this._write(Buffer.concat(chunks), 'buffer', cb);
};

WriteStream.prototype._destroy = function(err, cb) {
  if (this[kIsPerformingIO]) {
    this.once(kIsPerformingIO, (er) => closeStream(this, err || er, cb));
  } else {
    closeStream(this, err, cb);
  }
};

WriteStream.prototype.close = function(cb) {
  if (cb) {
    if (this.closed) {
      process.nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};

WriteStream.prototype.destroySoon = WriteStream.prototype.end;

Object.defineProperty(WriteStream.prototype, 'pending', {
  __proto__: null, get() { return this.fd === null; }, configurable: true,
});

module.exports = { ReadStream, WriteStream };
