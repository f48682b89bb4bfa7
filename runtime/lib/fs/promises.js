'use strict';
// fs/promises — the promise form of fs, and FileHandle.  Each function runs
// the same binding call as fs's callback form (internalBinding('fs_async')
// with a trailing callback) wrapped in a promise; validation is shared
// through internal/fs/utils.  Recursive operations reuse fs's code.

const B = require('internal/async_hooks').requestBinding(internalBinding('fs_async'), 'FSREQPROMISE');
const EventEmitter = require('events');
const { Buffer } = require('buffer');
const { isArrayBufferView } = internalBinding('types');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_FS_FILE_TOO_LARGE, ERR_INVALID_STATE },
  AbortError,
} = require('internal/errors');
const { validateInteger, validateBoolean } = require('internal/validators');
const U = require('internal/fs/utils');
const {
  constants, getValidatedPath, stringToFlags, parseFileMode, getOptions,
  toUnixTimestamp, getStatsFromBinding, encodeName,
} = U;
const fs = require('fs');

const kIoMaxLength = 2 ** 31 - 1;

function validateMode(mode) {
  validateInteger(mode, 'mode');
  if (mode < 0 || mode > 7) {
    throw U.makeError(RangeError, 'ERR_OUT_OF_RANGE', 'mode is out of range: >= 0 && <= 7');
  }
}

function call(name, ...args) {
  return new Promise((resolve, reject) => {
    B[name](...args, (err, res) => {
      if (err) reject(err);
      else resolve(res);
    });
  });
}

// Runs a callback-form fs function as a promise.
function viaCallback(fn, ...args) {
  return new Promise((resolve, reject) => {
    fn(...args, (err, res) => {
      if (err) reject(err);
      else resolve(res);
    });
  });
}

function checkAborted(signal) {
  if (signal && signal.aborted) throw new AbortError(undefined, { cause: signal.reason });
}

// ---- FileHandle -----------------------------------------------------------------
const kFd = Symbol('kFd');
const kClosePromise = Symbol('kClosePromise');
const kLocked = Symbol('kLocked');

class FileHandle extends EventEmitter {
  constructor(fd) {
    super();
    this[kFd] = fd;
    this[kClosePromise] = null;
  }

  get fd() { return this[kFd]; }

  _check(syscall) {
    if (this[kFd] === -1) {
      const err = new Error('file closed');
      err.code = 'EBADF';
      err.syscall = syscall;
      throw err;
    }
  }

  getAsyncId() { return this[kFd]; }

  async appendFile(data, options) {
    options = getOptions(options, { encoding: 'utf8', flag: 'a' });
    return writeFileHandle(this, data, options);
  }

  async chmod(mode) {
    this._check('fchmod');
    return call('fchmod', this[kFd], parseFileMode(mode, 'mode'));
  }

  async chown(uid, gid) {
    this._check('fchown');
    validateInteger(uid, 'uid', -1, 2 ** 32 - 1);
    validateInteger(gid, 'gid', -1, 2 ** 32 - 1);
    return call('fchown', this[kFd], uid, gid);
  }

  close() {
    if (this[kFd] === -1) return Promise.resolve();
    if (this[kClosePromise]) return this[kClosePromise];
    const fd = this[kFd];
    this[kClosePromise] = call('close', fd).then(() => {
      this[kFd] = -1;
      this[kClosePromise] = null;
      this.emit('close');
    }, (err) => {
      this[kClosePromise] = null;
      throw err;
    });
    return this[kClosePromise];
  }

  async [Symbol.asyncDispose || Symbol.for('nodejs.asyncDispose')]() {
    return this.close();
  }

  async datasync() {
    this._check('fdatasync');
    return call('fdatasync', this[kFd]);
  }

  async sync() {
    this._check('fsync');
    return call('fsync', this[kFd]);
  }

  async read(buffer, offset, length, position) {
    this._check('read');
    if (buffer != null && typeof buffer === 'object' && !isArrayBufferView(buffer)) {
      ({ buffer = Buffer.alloc(16384), offset = 0, length = buffer.byteLength - offset, position = null } = buffer);
    }
    if (buffer === undefined || buffer === null) buffer = Buffer.alloc(16384);
    if (offset !== null && typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
    }
    U.validateBufferArg(buffer);
    if (offset == null) offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (length === undefined) length = buffer.byteLength - offset;
    length |= 0;
    if (length === 0) return { bytesRead: 0, buffer };
    U.validateOffsetLengthRead(offset, length, buffer.byteLength);
    if (position == null) position = -1;
    U.validatePosition(position, 'position');
    const bytesRead = await call('read', this[kFd], buffer, offset, length, position);
    return { bytesRead, buffer };
  }

  async readv(buffers, position) {
    this._check('read');
    let total = 0;
    let pos = typeof position === 'number' ? position : -1;
    for (const b of buffers) {
      const n = await call('read', this[kFd], b, 0, b.byteLength, pos);
      total += n;
      if (pos >= 0) pos += n;
      if (n < b.byteLength) break;
    }
    return { bytesRead: total, buffers };
  }

  async readFile(options) {
    this._check('read');
    options = getOptions(options, { flag: 'r' });
    return readFd(this[kFd], options);
  }

  readLines(options) {
    const { createInterface } = require('readline');
    return createInterface({ input: this.createReadStream(options), crlfDelay: Infinity });
  }

  async stat(options) {
    this._check('fstat');
    const big = !!(options && options.bigint);
    return getStatsFromBinding(await call('fstat', this[kFd], big), big);
  }

  async truncate(len = 0) {
    this._check('ftruncate');
    validateInteger(len, 'len');
    return call('ftruncate', this[kFd], Math.max(0, len));
  }

  async utimes(atime, mtime) {
    this._check('futime');
    return call('futimes', this[kFd], toUnixTimestamp(atime), toUnixTimestamp(mtime));
  }

  async write(buffer, offsetOrOptions, length, position) {
    this._check('write');
    if (isArrayBufferView(buffer)) {
      let offset = offsetOrOptions;
      if (offset != null && typeof offset === 'object') {
        ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
      }
      if (offset == null) offset = 0;
      else validateInteger(offset, 'offset', 0);
      if (typeof length !== 'number') length = buffer.byteLength - offset;
      if (typeof position !== 'number') position = -1;
      U.validateOffsetLengthWrite(offset, length, buffer.byteLength);
      const bytesWritten = await call('write', this[kFd], buffer, offset, length, position);
      return { bytesWritten, buffer };
    }
    if (typeof buffer !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
    }
    const pos = typeof offsetOrOptions === 'number' ? offsetOrOptions : -1;
    const data = Buffer.from(buffer, length || 'utf8');
    const bytesWritten = await call('write', this[kFd], data, 0, data.byteLength, pos);
    return { bytesWritten, buffer };
  }

  async writev(buffers, position) {
    this._check('write');
    let total = 0;
    let pos = typeof position === 'number' ? position : -1;
    for (const b of buffers) {
      const n = await call('write', this[kFd], b, 0, b.byteLength, pos);
      total += n;
      if (pos >= 0) pos += n;
    }
    return { bytesWritten: total, buffers };
  }

  async writeFile(data, options) {
    options = getOptions(options, { encoding: 'utf8', flag: 'w' });
    return writeFileHandle(this, data, options);
  }

  createReadStream(options = undefined) {
    const { ReadStream } = require('internal/fs/streams');
    return new ReadStream(undefined, { ...options, fd: this });
  }

  createWriteStream(options = undefined) {
    const { WriteStream } = require('internal/fs/streams');
    return new WriteStream(undefined, { ...options, fd: this });
  }

  readableWebStream(options = {}) {
    if (this[kFd] === -1) throw new ERR_INVALID_STATE('The FileHandle is closed');
    if (this[kClosePromise]) throw new ERR_INVALID_STATE('The FileHandle is closing');
    if (this[kLocked]) throw new ERR_INVALID_STATE('The FileHandle is locked');
    this[kLocked] = true;
    if (options.type !== undefined) {
      require('internal/validators').validateString(options.type, 'options.type');
    }
    const { ReadableStream } = require('stream/web');
    const fd = this[kFd];
    return new ReadableStream({
      type: options.type === 'bytes' ? 'bytes' : undefined,
      pull: async (controller) => {
        const chunk = new Uint8Array(16384);
        const n = await call('read', fd, chunk, 0, chunk.byteLength, -1);
        if (n === 0) {
          controller.close();
          return;
        }
        controller.enqueue(n < chunk.byteLength ? chunk.subarray(0, n) : chunk);
      },
    });
  }
}

async function readFd(fd, options) {
  const signal = options.signal;
  checkAborted(signal);
  const st = getStatsFromBinding(await call('fstat', fd, false));
  let size = (st.mode & constants.S_IFMT) === constants.S_IFREG ? st.size : 0;
  if (size > kIoMaxLength) throw new ERR_FS_FILE_TOO_LARGE(size);
  const chunks = [];
  let total = 0;
  for (;;) {
    checkAborted(signal);
    const want = size > total ? Math.min(size - total, kIoMaxLength) : 65536;
    const b = Buffer.allocUnsafeSlow(want);
    const n = await call('read', fd, b, 0, want, -1);
    if (n === 0) break;
    chunks.push(n < want ? b.subarray(0, n) : b);
    total += n;
  }
  size = total;
  const buf = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  return options.encoding ? buf.toString(options.encoding) : buf;
}

function toBytes(data, encoding) {
  if (isArrayBufferView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  throw new ERR_INVALID_ARG_TYPE('data',
    ['string', 'Buffer', 'TypedArray', 'DataView', 'AsyncIterable', 'Iterable', 'Stream'], data);
}

async function writeAll(fd, data, encoding, signal) {
  if (data != null && typeof data === 'object' && !isArrayBufferView(data) &&
      (typeof data[Symbol.asyncIterator] === 'function' || typeof data[Symbol.iterator] === 'function')) {
    for await (const chunk of data) {
      checkAborted(signal);
      await writeAll(fd, typeof chunk === 'string' ? Buffer.from(chunk, encoding || 'utf8') : chunk, encoding, signal);
    }
    return;
  }
  const bytes = toBytes(data, encoding);
  let off = 0;
  while (off < bytes.byteLength) {
    checkAborted(signal);
    off += await call('write', fd, bytes, off, bytes.byteLength - off, -1);
  }
}

async function writeFileHandle(handle, data, options) {
  handle._check('write');
  return writeAll(handle.fd, data, options.encoding, options.signal);
}

// ---- the functions ---------------------------------------------------------------
async function open(path, flags, mode) {
  path = getValidatedPath(path);
  const flagsNumber = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  return new FileHandle(await call('open', path, flagsNumber, mode));
}

async function readFile(path, options) {
  options = getOptions(options, { flag: 'r' });
  const flag = options.flag || 'r';
  if (path instanceof FileHandle) return readFd(path.fd, options);
  checkAborted(options.signal);
  const fd = await call('open', getValidatedPath(path), stringToFlags(flag), 0o666);
  try {
    return await readFd(fd, options);
  } finally {
    await call('close', fd);
  }
}

async function writeFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const flag = options.flag || 'w';
  if (!isArrayBufferView(data) && typeof data !== 'string' &&
      !(data != null && typeof data === 'object' &&
        (typeof data[Symbol.asyncIterator] === 'function' || typeof data[Symbol.iterator] === 'function'))) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  if (path instanceof FileHandle) return writeAll(path.fd, data, options.encoding, options.signal);
  checkAborted(options.signal);
  const fd = await call('open', getValidatedPath(path), stringToFlags(flag),
    parseFileMode(options.mode, 'mode', 0o666));
  try {
    await writeAll(fd, data, options.encoding, options.signal);
  } finally {
    await call('close', fd);
  }
}

async function appendFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = { ...options };
  options.flag = options.flag || 'a';
  return writeFile(path, data, options);
}

async function access(path, mode = constants.F_OK) {
  path = getValidatedPath(path);
  validateMode(mode);
  return call('access', path, mode);
}

async function copyFile(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  if (mode == null) mode = 0;
  else validateMode(mode);
  return call('copyfile', src, dest, mode);
}

async function stat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  const big = !!(options && options.bigint);
  return getStatsFromBinding(await call('stat', path, big), big);
}
async function statfs(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return U.getStatFsFromBinding(await call('statfs', path, !!(options && options.bigint)));
}
async function lstat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  const big = !!(options && options.bigint);
  return getStatsFromBinding(await call('lstat', path, big), big);
}

async function readdir(path, options) {
  return viaCallback(fs.readdir, path, options);
}
async function mkdir(path, options) {
  if (options && typeof options === 'object' && options.recursive !== undefined) {
    validateBoolean(options.recursive, 'options.recursive');
  }
  return viaCallback(fs.mkdir, path, options ?? {});
}
async function mkdtemp(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  return encodeName(await call('mkdtemp', prefix), options.encoding);
}
async function rm(path, options) {
  return viaCallback(fs.rm, path, options);
}
async function rmdir(path, options) {
  return viaCallback(fs.rmdir, path, options);
}
async function unlink(path) {
  return call('unlink', getValidatedPath(path));
}
async function rename(oldPath, newPath) {
  return call('rename', getValidatedPath(oldPath, 'oldPath'), getValidatedPath(newPath, 'newPath'));
}
async function link(existingPath, newPath) {
  return call('link', getValidatedPath(existingPath, 'existingPath'), getValidatedPath(newPath, 'newPath'));
}
async function symlink(target, path, type) {
  return viaCallback(fs.symlink, target, path, type);
}
async function readlink(path, options) {
  options = getOptions(options);
  return encodeName(await call('readlink', getValidatedPath(path, 'oldPath')), options.encoding);
}
async function realpath(path, options) {
  options = getOptions(options);
  return encodeName(await call('realpath', getValidatedPath(path)), options.encoding);
}
async function chmod(path, mode) {
  return call('chmod', getValidatedPath(path), parseFileMode(mode, 'mode'));
}
async function lchmod() {
  const { codes: { ERR_METHOD_NOT_IMPLEMENTED } } = require('internal/errors');
  throw new ERR_METHOD_NOT_IMPLEMENTED('lchmod');
}
async function chown(path, uid, gid) {
  return viaCallback(fs.chown, path, uid, gid);
}
async function lchown(path, uid, gid) {
  return viaCallback(fs.lchown, path, uid, gid);
}
async function utimes(path, atime, mtime) {
  return call('utimes', getValidatedPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime));
}
async function lutimes(path, atime, mtime) {
  return call('lutimes', getValidatedPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime));
}
async function truncate(path, len = 0) {
  const fd = await open(path, 'r+');
  try {
    await fd.truncate(len);
  } finally {
    await fd.close();
  }
}
async function cp(src, dest, options) {
  return viaCallback(fs.cp, src, dest, options);
}
async function opendir(path, options) {
  return require('internal/fs/dir').opendirPromise(path, options);
}
function watch(filename, options = {}) {
  return require('internal/fs/watchers').watchAsync(filename, options);
}

module.exports = {
  access, copyFile, cp, open, opendir, rename, truncate, rm, rmdir, mkdir, readdir, readlink,
  symlink, lstat, stat, statfs, link, unlink, chmod, lchmod, lchown, chown, utimes, lutimes, realpath,
  mkdtemp, writeFile, appendFile, readFile, watch, constants,
};
