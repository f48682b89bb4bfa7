'use strict';
// fs — Node's file-system module: *Sync, callback and (in fs/promises)
// promise forms over one native binding, internalBinding('fs_async')
// (runtime/src/binding_fs_async.c), where every call is synchronous without a
// trailing callback and a libuv thread-pool request with one.  Validation,
// options and Node's error codes live here and in internal/fs/utils; Dir is
// in internal/fs/dir, streams in internal/fs/streams, watchers in
// internal/fs/watchers, recursive copy in internal/fs/cp.

// (each completion callback is an FSREQCALLBACK request for async_hooks)
const B = require('internal/async_hooks').requestBinding(internalBinding('fs_async'), 'FSREQCALLBACK');
const { Buffer } = require('buffer');
const { isArrayBufferView, isUint8Array } = internalBinding('types');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_FS_FILE_TOO_LARGE,
  },
} = require('internal/errors');
const {
  validateBoolean, validateFunction, validateInteger, validateObject, validateString,
  validateInt32, validateUint32,
} = require('internal/validators');
const U = require('internal/fs/utils');
const {
  constants, getValidatedPath, getValidatedFd, makeCallback, stringToFlags, parseFileMode,
  getOptions, toUnixTimestamp, getStatsFromBinding, Dirent, encodeName, SystemError,
} = U;
const { F_OK, S_IFMT, S_IFREG } = constants;

const kIoMaxLength = 2 ** 31 - 1;
const kMaxUserId = 2 ** 32 - 1;

let pathModule;
function lazyPath() { return pathModule || (pathModule = require('path')); }

// Runs binding call `name` with args; cb(err, converted result).
function async(name, args, cb, convert) {
  B[name](...args, (err, res) => {
    if (err) cb(err);
    else if (convert) cb(null, convert(res));
    else if (res === undefined) cb(null);
    else cb(null, res);
  });
}

function maybeCallback(cb) {
  validateFunction(cb, 'cb');
  return cb;
}

// ---- open / close / read / write -----------------------------------------------
function openSync(path, flags, mode) {
  path = getValidatedPath(path);
  return B.open(path, stringToFlags(flags), parseFileMode(mode, 'mode', 0o666));
}
function open(path, flags, mode, callback) {
  path = getValidatedPath(path);
  if (arguments.length < 3) {
    callback = flags;
    flags = 'r';
    mode = 0o666;
  } else if (typeof mode === 'function') {
    callback = mode;
    mode = 0o666;
  } else {
    mode = parseFileMode(mode, 'mode', 0o666);
  }
  const flagsNumber = stringToFlags(flags);
  callback = makeCallback(callback);
  async('open', [path, flagsNumber, mode], callback);
}

function closeSync(fd) {
  fd = getValidatedFd(fd);
  B.close(fd);
}
function close(fd, callback = () => {}) {
  fd = getValidatedFd(fd);
  if (callback !== undefined) callback = makeCallback(callback);
  async('close', [fd], callback);
}

function readArgs(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  if (arguments.length <= 4 && typeof offsetOrOptions === 'object' && offsetOrOptions !== null &&
      !isArrayBufferView(buffer) === false) {
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions);
  }
  U.validateBufferArg(buffer);
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length |= 0;
  if (length === 0) return { fd, buffer, offset, length, position, empty: true };
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  U.validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position == null) position = -1;
  U.validatePosition(position, 'position');
  return { fd, buffer, offset, length, position, empty: false };
}

function readSync(fd, buffer, offsetOrOptions, length, position) {
  if (arguments.length <= 3 && typeof offsetOrOptions === 'object' && offsetOrOptions !== null) {
    const o = offsetOrOptions;
    const offset = o.offset ?? 0;
    return readSync(fd, buffer, offset, o.length ?? buffer.byteLength - offset, o.position ?? null);
  }
  if (arguments.length === 2) return readSync(fd, buffer, 0, buffer.byteLength, null);
  const a = readArgs(fd, buffer, offsetOrOptions, length, position);
  if (a.empty) return 0;
  return B.read(a.fd, a.buffer, a.offset, a.length, a.position);
}

function read(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  let params = null;
  if (arguments.length <= 4) {
    if (arguments.length === 4) {
      validateObject(offsetOrOptions, 'options', 1);
      callback = length;
      params = offsetOrOptions;
    } else if (arguments.length === 3) {
      if (!isArrayBufferView(buffer)) {
        params = buffer;
        ({ buffer = Buffer.alloc(16384) } = params ?? {});
      }
      callback = offsetOrOptions;
    } else {
      callback = buffer;
      buffer = Buffer.alloc(16384);
    }
    if (params !== null && typeof params === 'object') {
      ({ offset = 0, length = buffer?.byteLength - offset, position = null } = params);
    } else {
      offset = 0;
      length = buffer.byteLength;
      position = null;
    }
  }
  validateFunction(callback, 'cb');
  const a = readArgs(fd, buffer, offset, length, position);
  if (a.empty) {
    process.nextTick(() => callback(null, 0, buffer));
    return;
  }
  B.read(a.fd, a.buffer, a.offset, a.length, a.position, (err, n) => {
    if (err) callback(err);
    else callback(null, n, buffer);
  });
}

function writeArgs(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  if (isArrayBufferView(buffer)) {
    let offset = offsetOrOptions;
    if (typeof offset === 'object' && offset !== null) {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions);
    }
    if (position === undefined) position = null;
    if (offset == null) offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number') position = null;
    U.validateOffsetLengthWrite(offset, length, buffer.byteLength);
    return { fd, buffer, offset, length, position: position ?? -1 };
  }
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  // write(fd, string[, position[, encoding]])
  let pos = offsetOrOptions;
  let encoding = length;
  if (typeof pos !== 'number') pos = null;
  if (encoding === undefined) encoding = 'utf8';
  const data = Buffer.from(buffer, encoding);
  return { fd, buffer: data, offset: 0, length: data.byteLength, position: pos ?? -1 };
}

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  const a = writeArgs(fd, buffer, offsetOrOptions, length, position);
  return B.write(a.fd, a.buffer, a.offset, a.length, a.position);
}

function write(fd, buffer, offsetOrOptions, length, position, callback) {
  const args = Array.prototype.slice.call(arguments);
  callback = maybeCallback(args.pop());
  while (args.length < 5) args.push(undefined);
  const a = writeArgs(args[0], args[1], args[2], args[3], args[4]);
  B.write(a.fd, a.buffer, a.offset, a.length, a.position, (err, n) => {
    if (err) callback(err, undefined, buffer);
    else callback(null, n, buffer);
  });
}

function writevSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  let total = 0;
  let pos = typeof position === 'number' ? position : -1;
  for (const b of buffers) {
    const n = B.write(fd, b, 0, b.byteLength, pos);
    total += n;
    if (pos >= 0) pos += n;
  }
  return total;
}
function writev(fd, buffers, position, callback) {
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  callback = maybeCallback(callback);
  let n;
  try {
    n = writevSync(fd, buffers, position);
  } catch (e) {
    process.nextTick(callback, e);
    return;
  }
  process.nextTick(callback, null, n, buffers);
}
function readvSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  let total = 0;
  let pos = typeof position === 'number' ? position : -1;
  for (const b of buffers) {
    const n = B.read(fd, b, 0, b.byteLength, pos);
    total += n;
    if (pos >= 0) pos += n;
    if (n < b.byteLength) break;
  }
  return total;
}
function readv(fd, buffers, position, callback) {
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  callback = maybeCallback(callback);
  let n;
  try {
    n = readvSync(fd, buffers, position);
  } catch (e) {
    process.nextTick(callback, e);
    return;
  }
  process.nextTick(callback, null, n, buffers);
}
function validateBufferArray(buffers, name = 'buffers') {
  if (!Array.isArray(buffers)) throw new ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
  for (const b of buffers) {
    if (!isArrayBufferView(b)) throw new ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
  }
}

// ---- readFile / writeFile / appendFile ----------------------------------------------
function isFd(path) { return (path >>> 0) === path && typeof path === 'number'; }

function tryStatSize(fd) {
  const st = getStatsFromBinding(B.fstat(fd, false));
  return (st.mode & S_IFMT) === S_IFREG ? st.size : 0;
}

function readAllSync(fd, size) {
  if (size > kIoMaxLength) throw new ERR_FS_FILE_TOO_LARGE(size);
  if (size > 0) {
    const buffer = Buffer.allocUnsafeSlow(size);
    let pos = 0;
    while (pos < size) {
      const n = B.read(fd, buffer, pos, Math.min(size - pos, kIoMaxLength), -1);
      if (n === 0) break;
      pos += n;
    }
    // The file may have grown: read on until EOF.
    if (pos === size) {
      const more = readAllSync(fd, 0);
      if (more.length) return Buffer.concat([buffer, more]);
    }
    return pos < size ? buffer.subarray(0, pos) : buffer;
  }
  const chunks = [];
  let total = 0;
  for (;;) {
    const b = Buffer.allocUnsafe(8192);
    const n = B.read(fd, b, 0, 8192, -1);
    if (n === 0) break;
    chunks.push(n < 8192 ? b.subarray(0, n) : b);
    total += n;
  }
  return Buffer.concat(chunks, total);
}

function readFileSync(path, options) {
  options = getOptions(options, { flag: 'r' });
  const isUserFd = isFd(path);
  const fd = isUserFd ? path : openSync(path, options.flag, 0o666);
  let buffer;
  try {
    buffer = readAllSync(fd, tryStatSize(fd));
  } finally {
    if (!isUserFd) B.close(fd);
  }
  if (options.encoding) return buffer.toString(options.encoding);
  return buffer;
}

function readFile(path, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options, { flag: 'r' });
  const isUserFd = isFd(path);
  if (!isUserFd) path = getValidatedPath(path);
  const flags = stringToFlags(options.flag);
  const signal = options.signal;
  const chunks = [];
  let total = 0;
  let size = 0;
  let fd;
  const done = (err) => {
    if (!isUserFd && fd !== undefined) {
      B.close(fd, (err2) => finish(err || err2));
    } else {
      finish(err);
    }
  };
  const finish = (err) => {
    if (err) return callback(err);
    // One chunk of the file's size is the common case: no copy.
    let buf = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
    if (options.encoding) buf = buf.toString(options.encoding);
    callback(null, buf);
  };
  const aborted = () => {
    if (signal && signal.aborted) {
      const { AbortError } = require('internal/errors');
      done(new AbortError(undefined, { cause: signal.reason }));
      return true;
    }
    return false;
  };
  const readMore = () => {
    if (aborted()) return;
    const want = size > total ? Math.min(size - total, kIoMaxLength) : 65536;
    const b = Buffer.allocUnsafeSlow(want);
    B.read(fd, b, 0, want, -1, (err, n) => {
      if (err) return done(err);
      if (n === 0) return done(null);
      chunks.push(n < want ? b.subarray(0, n) : b);
      total += n;
      readMore();
    });
  };
  const start = () => {
    B.fstat(fd, false, (err, ab) => {
      if (err) return done(err);
      const st = getStatsFromBinding(ab);
      size = (st.mode & S_IFMT) === S_IFREG ? st.size : 0;
      if (size > kIoMaxLength) return done(new ERR_FS_FILE_TOO_LARGE(size));
      readMore();
    });
  };
  if (aborted()) return;
  if (isUserFd) {
    fd = path;
    process.nextTick(start);
  } else {
    B.open(path, flags, 0o666, (err, f) => {
      if (err) return callback(err);
      fd = f;
      start();
    });
  }
}

function toBytes(data, encoding, name = 'data') {
  if (isArrayBufferView(data)) {
    return isUint8Array(data) ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (typeof data === 'object' && data !== null && typeof data.toString === 'function' &&
      Object.prototype.hasOwnProperty.call(data, 'toString')) {
    return Buffer.from(String(data), encoding || 'utf8');
  }
  throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

function writeAllSync(fd, bytes, pos) {
  let off = 0;
  while (off < bytes.byteLength) {
    const n = B.write(fd, bytes, off, bytes.byteLength - off, pos);
    off += n;
    if (pos >= 0) pos += n;
  }
}

function writeFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const bytes = toBytes(data, options.encoding);
  const flag = options.flag || 'w';
  const isUserFd = isFd(path);
  const fd = isUserFd ? path : openSync(path, flag, options.mode);
  try {
    writeAllSync(fd, bytes, -1);
  } finally {
    if (!isUserFd) B.close(fd);
  }
}

function writeFile(path, data, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const bytes = toBytes(data, options.encoding);
  const isUserFd = isFd(path);
  if (!isUserFd) path = getValidatedPath(path);
  const flags = stringToFlags(options.flag || 'w');
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  const signal = options.signal;
  let fd;
  const finish = (err) => {
    if (!isUserFd && fd !== undefined) B.close(fd, (err2) => callback(err || err2 || null));
    else callback(err || null);
  };
  const writeFrom = (off) => {
    if (signal && signal.aborted) {
      const { AbortError } = require('internal/errors');
      return finish(new AbortError(undefined, { cause: signal.reason }));
    }
    if (off >= bytes.byteLength) return finish(null);
    B.write(fd, bytes, off, bytes.byteLength - off, -1, (err, n) => {
      if (err) return finish(err);
      writeFrom(off + n);
    });
  };
  if (isUserFd) {
    fd = path;
    process.nextTick(writeFrom, 0);
  } else {
    B.open(path, flags, mode, (err, f) => {
      if (err) return callback(err);
      fd = f;
      writeFrom(0);
    });
  }
}

function appendFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = { ...options };
  if (!options.flag || isFd(path)) options.flag = 'a';
  writeFileSync(path, data, options);
}

function appendFile(path, data, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = { ...options };
  if (!options.flag || isFd(path)) options.flag = 'a';
  writeFile(path, data, options, callback);
}

// ---- stat family --------------------------------------------------------------------
function statSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  path = getValidatedPath(path);
  try {
    return getStatsFromBinding(B.stat(path, !!options.bigint), !!options.bigint);
  } catch (e) {
    if (options.throwIfNoEntry === false && (e.code === 'ENOENT' || e.code === 'ENOTDIR')) return undefined;
    throw e;
  }
}
function lstatSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  path = getValidatedPath(path);
  try {
    return getStatsFromBinding(B.lstat(path, !!options.bigint), !!options.bigint);
  } catch (e) {
    if (options.throwIfNoEntry === false && (e.code === 'ENOENT' || e.code === 'ENOTDIR')) return undefined;
    throw e;
  }
}
function fstatSync(fd, options = { bigint: false }) {
  fd = getValidatedFd(fd);
  return getStatsFromBinding(B.fstat(fd, !!options.bigint), !!options.bigint);
}
function statLike(name, validate) {
  return function(target, options = { bigint: false }, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = {};
    }
    callback = makeCallback(callback);
    target = validate(target);
    const big = !!(options && options.bigint);
    async(name, [target, big], callback, (ab) => getStatsFromBinding(ab, big));
  };
}
const stat = statLike('stat', (p) => getValidatedPath(p));
const lstat = statLike('lstat', (p) => getValidatedPath(p));
const fstat = statLike('fstat', (fd) => getValidatedFd(fd));

function statfsSync(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return U.getStatFsFromBinding(B.statfs(path, !!(options && options.bigint)));
}
function statfs(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  async('statfs', [path, !!(options && options.bigint)], callback, U.getStatFsFromBinding);
}

// fs.openAsBlob(path): a Blob with the file's bytes (read now; Node reads lazily).
function openAsBlob(path, options = {}) {
  validateObject(options, 'options');
  const type = options.type || '';
  validateString(type, 'options.type');
  path = getValidatedPath(path);
  const { Blob } = require('buffer');
  return require('fs/promises').readFile(path).then((data) => new Blob([data], { type }));
}

// ---- access / exists ----------------------------------------------------------------------
function accessSync(path, mode) {
  path = getValidatedPath(path);
  mode = mode === undefined ? F_OK : validateMode(mode);
  B.access(path, mode);
}
function access(path, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = F_OK;
  }
  path = getValidatedPath(path);
  mode = mode === undefined ? F_OK : validateMode(mode);
  callback = makeCallback(callback);
  async('access', [path, mode], callback);
}
// Node's native mode check (access, copyFile): its own message format.
function validateMode(mode) {
  validateInteger(mode, 'mode');
  if (mode < 0 || mode > 7) {
    throw U.makeError(RangeError, 'ERR_OUT_OF_RANGE', 'mode is out of range: >= 0 && <= 7');
  }
  return mode;
}

function existsSync(path) {
  try {
    path = getValidatedPath(path);
  } catch {
    return false;
  }
  try {
    B.access(path, F_OK);
    return true;
  } catch {
    return false;
  }
}
function exists(path, callback) {
  maybeCallback(callback);
  try {
    path = getValidatedPath(path);
  } catch {
    process.nextTick(callback, false);
    return;
  }
  B.access(path, F_OK, (err) => callback(!err));
}
Object.defineProperty(exists, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null,
  value: function exists(path) {
    return new Promise((resolve) => module.exports.exists(path, resolve));
  },
});

// ---- directories ----------------------------------------------------------------------------
function mkdirpSync(path, mode) {
  try {
    B.mkdir(path, mode);
    return path;
  } catch (e) {
    if (e.code === 'EEXIST' || e.code === 'EISDIR') {
      let st;
      try {
        st = getStatsFromBinding(B.stat(path, false));
      } catch {
        throw e;
      }
      if (st.isDirectory()) return undefined;
      throw e;
    }
    if (e.code !== 'ENOENT') throw e;
  }
  const parent = lazyPath().dirname(path);
  if (parent === path) return undefined;
  let first;
  try {
    first = mkdirpSync(parent, mode);
  } catch (e) {
    // Report the error against the path the caller asked for, as Node does.
    if (e.code === 'ENOTDIR' || e.code === 'EEXIST') {
      e.path = path;
      e.message = e.message.replace(/'[^']*'$/, `'${path}'`);
    }
    throw e;
  }
  try {
    B.mkdir(path, mode);
  } catch (e) {
    if (e.code !== 'EEXIST') throw e;
  }
  return first ?? path;
}

// The asynchronous mkdirpSync: cb(err, first directory made | undefined).
function mkdirp(path, mode, cb) {
  B.mkdir(path, mode, (err) => {
    if (!err) return cb(null, path);
    if (err.code === 'EEXIST' || err.code === 'EISDIR') {
      B.stat(path, false, (err2, ab) => {
        if (err2 || !getStatsFromBinding(ab).isDirectory()) return cb(err);
        cb(null, undefined);
      });
      return;
    }
    if (err.code !== 'ENOENT') return cb(err);
    const parent = lazyPath().dirname(path);
    if (parent === path) return cb(null, undefined);
    mkdirp(parent, mode, (err3, first) => {
      if (err3) {
        if (err3.code === 'ENOTDIR' || err3.code === 'EEXIST') {
          err3.path = path;
          err3.message = err3.message.replace(/'[^']*'$/, `'${path}'`);
        }
        return cb(err3);
      }
      B.mkdir(path, mode, (err4) => {
        if (err4 && err4.code !== 'EEXIST') return cb(err4);
        cb(null, first ?? path);
      });
    });
  });
}

function mkdirSync(path, options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = parseFileMode(options, 'mode');
  } else if (options) {
    if (options.recursive !== undefined) {
      recursive = options.recursive;
      validateBoolean(recursive, 'options.recursive');
    }
    if (options.mode !== undefined) mode = parseFileMode(options.mode, 'options.mode');
  }
  path = getValidatedPath(path);
  if (recursive) {
    const r = mkdirpSync(lazyPath().resolve(path), mode);
    return r;
  }
  B.mkdir(path, mode);
  return undefined;
}

function mkdir(path, options, callback) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'function') {
    callback = options;
  } else if (typeof options === 'number' || typeof options === 'string') {
    mode = parseFileMode(options, 'mode');
  } else if (options) {
    if (options.recursive !== undefined) {
      recursive = options.recursive;
      validateBoolean(recursive, 'options.recursive');
    }
    if (options.mode !== undefined) mode = parseFileMode(options.mode, 'options.mode');
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  if (recursive) {
    mkdirp(lazyPath().resolve(path), mode, callback);
    return;
  }
  async('mkdir', [path, mode], callback);
}

function mkdtempSync(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  return encodeName(B.mkdtemp(prefix), options.encoding);
}
function mkdtemp(prefix, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  async('mkdtemp', [prefix], callback, (p) => encodeName(p, options.encoding));
}

function direntsOf(dir, names, types) {
  const out = [];
  for (let i = 0; i < names.length; i++) {
    let t = types[i];
    if (t === constants.UV_DIRENT_UNKNOWN) {
      try {
        t = U.direntTypeFromStats(getStatsFromBinding(B.lstat(lazyPath().join(dir, names[i]), false)));
      } catch { /* keep unknown */ }
    }
    out.push(new Dirent(names[i], t, dir));
  }
  return out;
}

// One directory's entries into out (breadth first: subdirectories queued).
function collectEntries(base, rel, dir, names, types, withFileTypes, encoding, out, queue) {
  for (let i = 0; i < names.length; i++) {
    const relName = rel ? lazyPath().join(rel, names[i]) : names[i];
    let t = types[i];
    if (t === constants.UV_DIRENT_UNKNOWN) {
      try {
        t = U.direntTypeFromStats(getStatsFromBinding(B.lstat(lazyPath().join(dir, names[i]), false)));
      } catch { /* unknown */ }
    }
    if (withFileTypes) out.push(new Dirent(names[i], t, dir));
    else out.push(encodeName(relName, encoding));
    if (t === constants.UV_DIRENT_DIR) queue.push(relName);
  }
}

// The asynchronous readdirRecursiveSync: one thread-pool scandir per directory.
function readdirRecursive(base, withFileTypes, encoding, cb) {
  const out = [];
  const queue = [''];
  const next = () => {
    if (queue.length === 0) return cb(null, out);
    const rel = queue.shift();
    const dir = rel ? lazyPath().join(base, rel) : base;
    B.readdir(dir, true, (err, res) => {
      if (err) return cb(err);
      collectEntries(base, rel, dir, res[0], res[1], withFileTypes, encoding, out, queue);
      next();
    });
  };
  next();
}

function readdirRecursiveSync(base, withFileTypes, encoding) {
  const out = [];
  const queue = [''];
  while (queue.length) {
    const rel = queue.shift();
    const dir = rel ? lazyPath().join(base, rel) : base;
    const [names, types] = B.readdir(dir, true);
    collectEntries(base, rel, dir, names, types, withFileTypes, encoding, out, queue);
  }
  return out;
}

function readdirSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive) return readdirRecursiveSync(path, !!options.withFileTypes, options.encoding);
  if (options.withFileTypes) {
    const [names, types] = B.readdir(path, true);
    return direntsOf(path, names, types);
  }
  return B.readdir(path, false).map((n) => encodeName(n, options.encoding));
}

function readdir(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive) {
    readdirRecursive(path, !!options.withFileTypes, options.encoding, callback);
    return;
  }
  if (options.withFileTypes) {
    async('readdir', [path, true], callback, ([names, types]) => direntsOf(path, names, types));
    return;
  }
  async('readdir', [path, false], callback, (names) => names.map((n) => encodeName(n, options.encoding)));
}

// ---- rm / rmdir / unlink ----------------------------------------------------------------------
function rimrafSync(path) {
  let st;
  try {
    st = getStatsFromBinding(B.lstat(path, false));
  } catch (e) {
    if (e.code === 'ENOENT') return;
    throw e;
  }
  if (st.isDirectory()) {
    for (const name of B.readdir(path, false)) rimrafSync(lazyPath().join(path, name));
    B.rmdir(path);
  } else {
    B.unlink(path);
  }
}

function validateRmOptionTypes(options) {
  if (options !== undefined) validateObject(options, 'options');
  const opts = { force: false, recursive: false, maxRetries: 0, retryDelay: 100, ...options };
  validateBoolean(opts.force, 'options.force');
  validateBoolean(opts.recursive, 'options.recursive');
  validateInt32(opts.retryDelay, 'options.retryDelay', 0);
  validateUint32(opts.maxRetries, 'options.maxRetries');
  return opts;
}

function validateRmOptionsSync(path, options, expectDir) {
  const opts = validateRmOptionTypes(options);
  if (!opts.force || expectDir !== null) {
    let st;
    try {
      st = getStatsFromBinding(B.lstat(path, false));
    } catch (e) {
      if (e.code === 'ENOENT' && opts.force) return opts;
      throw e;
    }
    if (st.isDirectory() && !opts.recursive) {
      throw new SystemError('ERR_FS_EISDIR', {
        code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: 21,
      });
    }
  }
  return opts;
}

function rmSync(path, options) {
  path = getValidatedPath(path);
  const opts = validateRmOptionsSync(path, options, false);
  if (opts.force) {
    try {
      B.lstat(path, false);
    } catch (e) {
      if (e.code === 'ENOENT') return;
      throw e;
    }
  }
  rimrafSync(path);
}

// The asynchronous rimrafSync: removes path and everything under it.
function rimraf(path, cb) {
  B.lstat(path, false, (err, ab) => {
    if (err) return cb(err.code === 'ENOENT' ? null : err);
    if (!getStatsFromBinding(ab).isDirectory()) return B.unlink(path, (e) => cb(e || null));
    B.readdir(path, false, (err2, names) => {
      if (err2) return cb(err2);
      let pending = names.length;
      let failed = false;
      const done = () => B.rmdir(path, (e) => cb(e || null));
      if (pending === 0) return done();
      for (const name of names) {
        rimraf(lazyPath().join(path, name), (e) => {
          if (failed) return;
          if (e) {
            failed = true;
            return cb(e);
          }
          if (--pending === 0) done();
        });
      }
    });
  });
}

function rm(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateRmOptionTypes(options); // argument errors throw, as in Node
  try {
    validateRmOptionsSync(path, options, false);
  } catch (e) {
    process.nextTick(callback, e);
    return;
  }
  rimraf(path, callback);
}

let rmdirRecursiveWarned = false;
function warnRmdirRecursive() {
  if (rmdirRecursiveWarned) return;
  rmdirRecursiveWarned = true;
  process.emitWarning('In future versions of Node.js, fs.rmdir(path, { recursive: true }) ' +
    'will be removed. Use fs.rm(path, { recursive: true }) instead', 'DeprecationWarning', 'DEP0147');
}

function rmdirSync(path, options) {
  path = getValidatedPath(path);
  if (options?.recursive) {
    warnRmdirRecursive();
    const opts = U.validateRmdirOptions(options, { retryDelay: 100, maxRetries: 0, recursive: false });
    if (opts.recursive) return rimrafSync(path);
  }
  B.rmdir(path);
}
function rmdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  if (options?.recursive) {
    process.nextTick(() => {
      try {
        rmdirSync(path, options);
      } catch (e) {
        return callback(e);
      }
      callback(null);
    });
    return;
  }
  async('rmdir', [path], callback);
}

function unlinkSync(path) {
  B.unlink(getValidatedPath(path));
}
function unlink(path, callback) {
  callback = makeCallback(callback);
  async('unlink', [getValidatedPath(path)], callback);
}

// ---- rename / links / copy ---------------------------------------------------------------------
function renameSync(oldPath, newPath) {
  B.rename(getValidatedPath(oldPath, 'oldPath'), getValidatedPath(newPath, 'newPath'));
}
function rename(oldPath, newPath, callback) {
  callback = makeCallback(callback);
  async('rename', [getValidatedPath(oldPath, 'oldPath'), getValidatedPath(newPath, 'newPath')], callback);
}

function linkSync(existingPath, newPath) {
  B.link(getValidatedPath(existingPath, 'existingPath'), getValidatedPath(newPath, 'newPath'));
}
function link(existingPath, newPath, callback) {
  callback = makeCallback(callback);
  async('link', [getValidatedPath(existingPath, 'existingPath'), getValidatedPath(newPath, 'newPath')], callback);
}

function symlinkFlags(type) {
  if (type === 'dir') return 1;
  if (type === 'junction') return 2;
  if (type == null || type === 'file') return 0;
  const { codes: { ERR_FS_INVALID_SYMLINK_TYPE } } = require('internal/errors');
  if (ERR_FS_INVALID_SYMLINK_TYPE) throw new ERR_FS_INVALID_SYMLINK_TYPE(type);
  throw U.makeError(Error, 'ERR_FS_INVALID_SYMLINK_TYPE',
    `Symlink type must be one of "dir", "file", or "junction". Received "${type}"`);
}
function symlinkSync(target, path, type) {
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  B.symlink(target, path, symlinkFlags(type));
}
function symlink(target, path, type, callback) {
  if (typeof type === 'function') {
    callback = type;
    type = undefined;
  }
  callback = makeCallback(callback);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  async('symlink', [target, path, symlinkFlags(type)], callback);
}

function readlinkSync(path, options) {
  options = getOptions(options);
  return encodeName(B.readlink(getValidatedPath(path, 'oldPath')), options.encoding);
}
function readlink(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  async('readlink', [getValidatedPath(path, 'oldPath')], callback, (p) => encodeName(p, options.encoding));
}

function realpathSync(p, options) {
  options = getOptions(options);
  return encodeName(B.realpath(getValidatedPath(p)), options.encoding);
}
realpathSync.native = realpathSync;
function realpath(p, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  async('realpath', [getValidatedPath(p)], callback, (r) => encodeName(r, options.encoding));
}
realpath.native = realpath;

function copyFileSync(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  B.copyfile(src, dest, getValidMode(mode));
}
function copyFile(src, dest, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = 0;
  }
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  callback = makeCallback(callback);
  async('copyfile', [src, dest, getValidMode(mode)], callback);
}
function getValidMode(mode) {
  if (mode == null) return 0;
  return validateMode(mode);
}

function cpSync(src, dest, options) {
  return require('internal/fs/cp').cpSync(src, dest, options);
}
function cp(src, dest, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  process.nextTick(() => {
    try {
      cpSync(src, dest, options);
    } catch (e) {
      return callback(e);
    }
    callback(null);
  });
}

// ---- metadata --------------------------------------------------------------------------------------
function chmodSync(path, mode) {
  path = getValidatedPath(path);
  B.chmod(path, parseFileMode(mode, 'mode'));
}
function chmod(path, mode, callback) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  async('chmod', [path, mode], callback);
}
function fchmodSync(fd, mode) {
  B.fchmod(getValidatedFd(fd), parseFileMode(mode, 'mode'));
}
function fchmod(fd, mode, callback) {
  fd = getValidatedFd(fd);
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  async('fchmod', [fd, mode], callback);
}

function validateIds(uid, gid) {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
}
function chownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateIds(uid, gid);
  B.chown(path, uid, gid);
}
function chown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateIds(uid, gid);
  async('chown', [path, uid, gid], callback);
}
function lchownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateIds(uid, gid);
  B.lchown(path, uid, gid);
}
function lchown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateIds(uid, gid);
  async('lchown', [path, uid, gid], callback);
}
function fchownSync(fd, uid, gid) {
  fd = getValidatedFd(fd);
  validateIds(uid, gid);
  B.fchown(fd, uid, gid);
}
function fchown(fd, uid, gid, callback) {
  fd = getValidatedFd(fd);
  validateIds(uid, gid);
  callback = makeCallback(callback);
  async('fchown', [fd, uid, gid], callback);
}

function utimesSync(path, atime, mtime) {
  B.utimes(getValidatedPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime));
}
function utimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  async('utimes', [path, toUnixTimestamp(atime), toUnixTimestamp(mtime)], callback);
}
function lutimesSync(path, atime, mtime) {
  B.lutimes(getValidatedPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime));
}
function lutimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  async('lutimes', [path, toUnixTimestamp(atime), toUnixTimestamp(mtime)], callback);
}
function futimesSync(fd, atime, mtime) {
  B.futimes(getValidatedFd(fd), toUnixTimestamp(atime), toUnixTimestamp(mtime));
}
function futimes(fd, atime, mtime, callback) {
  fd = getValidatedFd(fd);
  callback = makeCallback(callback);
  async('futimes', [fd, toUnixTimestamp(atime), toUnixTimestamp(mtime)], callback);
}

function fsyncSync(fd) { B.fsync(getValidatedFd(fd)); }
function fsync(fd, callback) {
  fd = getValidatedFd(fd);
  callback = makeCallback(callback);
  async('fsync', [fd], callback);
}
function fdatasyncSync(fd) { B.fdatasync(getValidatedFd(fd)); }
function fdatasync(fd, callback) {
  fd = getValidatedFd(fd);
  callback = makeCallback(callback);
  async('fdatasync', [fd], callback);
}

function ftruncateSync(fd, len = 0) {
  fd = getValidatedFd(fd);
  validateInteger(len, 'len');
  B.ftruncate(fd, Math.max(0, len));
}
function ftruncate(fd, len = 0, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  fd = getValidatedFd(fd);
  validateInteger(len, 'len');
  callback = makeCallback(callback);
  async('ftruncate', [fd, Math.max(0, len)], callback);
}
function truncateSync(path, len) {
  if (isFd(path)) return ftruncateSync(path, len);
  if (len === undefined) len = 0;
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, len);
  } finally {
    closeSync(fd);
  }
}
function truncate(path, len, callback) {
  if (isFd(path)) return ftruncate(path, len, callback);
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  } else if (len === undefined) {
    len = 0;
  }
  validateInteger(len, 'len');
  callback = maybeCallback(callback);
  open(path, 'r+', (err, fd) => {
    if (err) return callback(err);
    ftruncate(fd, len, (err1) => {
      close(fd, (err2) => callback(err1 || err2 || null));
    });
  });
}

// ---- Dir, streams, watchers (lazy) ----------------------------------------------------------------
function opendirSync(path, options) {
  return require('internal/fs/dir').opendirSync(path, options);
}
function opendir(path, options, callback) {
  return require('internal/fs/dir').opendir(path, options, callback);
}

let streams;
function lazyStreams() { return streams || (streams = require('internal/fs/streams')); }
function createReadStream(path, options) {
  return new (lazyStreams().ReadStream)(path, options);
}
function createWriteStream(path, options) {
  return new (lazyStreams().WriteStream)(path, options);
}

function watch(filename, options, listener) {
  return require('internal/fs/watchers').watch(filename, options, listener);
}
function watchFile(filename, options, listener) {
  return require('internal/fs/watchers').watchFile(filename, options, listener);
}
function unwatchFile(filename, listener) {
  return require('internal/fs/watchers').unwatchFile(filename, listener);
}

module.exports = {
  appendFile, appendFileSync, access, accessSync, chown, chownSync, chmod, chmodSync,
  close, closeSync, copyFile, copyFileSync, cp, cpSync, createReadStream, createWriteStream,
  exists, existsSync, fchown, fchownSync, fchmod, fchmodSync, fdatasync, fdatasyncSync,
  fstat, fstatSync, fsync, fsyncSync, ftruncate, ftruncateSync, futimes, futimesSync,
  lchown, lchownSync, lchmod: undefined, lchmodSync: undefined, link, linkSync, lstat, lstatSync,
  lutimes, lutimesSync, mkdir, mkdirSync, mkdtemp, mkdtempSync, open, openSync, opendir,
  opendirSync, readdir, readdirSync, read, readSync, readv, readvSync, readFile, readFileSync,
  readlink, readlinkSync, realpath, realpathSync, rename, renameSync, rm, rmSync, rmdir,
  rmdirSync, stat, statfs, statSync, statfsSync, symlink, symlinkSync, openAsBlob,
  truncate, truncateSync, unwatchFile, unlink, unlinkSync, utimes, utimesSync, watch,
  watchFile, writeFile, writeFileSync, write, writeSync, writev, writevSync,
  Dirent, Stats: U.Stats,
  get ReadStream() { return lazyStreams().ReadStream; },
  set ReadStream(v) { Object.defineProperty(module.exports, 'ReadStream', { value: v, writable: true }); },
  get WriteStream() { return lazyStreams().WriteStream; },
  set WriteStream(v) { Object.defineProperty(module.exports, 'WriteStream', { value: v, writable: true }); },
  get FileReadStream() { return lazyStreams().ReadStream; },
  get FileWriteStream() { return lazyStreams().WriteStream; },
  _toUnixTimestamp: toUnixTimestamp,
  F_OK: constants.F_OK, R_OK: constants.R_OK, W_OK: constants.W_OK, X_OK: constants.X_OK,
  constants,
  get Dir() { return require('internal/fs/dir').Dir; },
  get promises() { return require('fs/promises'); },
};
