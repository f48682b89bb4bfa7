'use strict';
// internal/fs/utils — what fs, fs/promises and the fs streams share:
// argument validation with Node's error codes (paths, fds, flags, modes,
// encodings, options), Stats / BigIntStats, Dirent, fs.constants, the
// helpers that turn the binding's raw results into those objects, and the
// few error codes internal/errors does not define.

const { isArrayBufferView, isUint8Array } = internalBinding('types');
const errors = require('internal/errors');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE },
} = errors;
const { validateInteger, validateInt32, validateFunction, validateObject, parseFileMode } =
  require('internal/validators');
const fsConst = internalBinding('fs').constants;

// ---- constants -------------------------------------------------------------
// Linux values (the platform devrun-js runs on), as Node's fs.constants.
const constants = {
  __proto__: null,
  UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2,
  O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3,
  UV_DIRENT_FIFO: 4, UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7,
  EXTENSIONLESS_FORMAT_JAVASCRIPT: 0, EXTENSIONLESS_FORMAT_WASM: 1,
  S_IFMT: 61440, S_IFREG: 32768, S_IFDIR: 16384, S_IFCHR: 8192, S_IFBLK: 24576,
  S_IFIFO: 4096, S_IFLNK: 40960, S_IFSOCK: 49152,
  O_CREAT: 64, O_EXCL: 128, UV_FS_O_FILEMAP: 0, O_NOCTTY: 256, O_TRUNC: 512,
  O_APPEND: 1024, O_DIRECTORY: 65536, O_NOATIME: 262144, O_NOFOLLOW: 131072,
  O_SYNC: 1052672, O_DSYNC: 4096, O_DIRECT: 16384, O_NONBLOCK: 2048,
  S_IRWXU: 448, S_IRUSR: 256, S_IWUSR: 128, S_IXUSR: 64,
  S_IRWXG: 56, S_IRGRP: 32, S_IWGRP: 16, S_IXGRP: 8,
  S_IRWXO: 7, S_IROTH: 4, S_IWOTH: 2, S_IXOTH: 1,
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1,
  UV_FS_COPYFILE_FICLONE: 2, COPYFILE_FICLONE: 2,
  UV_FS_COPYFILE_FICLONE_FORCE: 4, COPYFILE_FICLONE_FORCE: 4,
};
if (fsConst && fsConst.O_CREAT !== undefined && fsConst.O_CREAT !== constants.O_CREAT) {
  // Another architecture: take the real values from the binding.
  for (const k of Object.keys(fsConst)) if (k in constants) constants[k] = fsConst[k];
}
Object.freeze(constants);

// ---- extra error codes ---------------------------------------------------------
// Errors shaped like internal/errors' (code property, "Name [CODE]: msg"
// header) for the codes only fs uses.
function makeError(Base, code, message) {
  const err = new Base(message);
  Object.defineProperty(err, 'code', { value: code, enumerable: true, writable: true, configurable: true });
  err.name = `${Base.name} [${code}]`;
  err.stack; // eslint-disable-line no-unused-expressions
  delete err.name;
  return err;
}

// SystemError-shaped (ERR_FS_EISDIR, ERR_FS_CP_*): "SystemError [CODE]: msg".
class SystemError extends Error {
  constructor(key, context) {
    super();
    let message = `${context.msgPrefix || 'Path is a directory'}: ` +
      `${context.syscall} returned ${context.code} (${context.message})`;
    if (context.path !== undefined) message += ` ${context.path}`;
    if (context.dest !== undefined) message += ` => ${context.dest}`;
    Object.defineProperty(this, 'message', { value: message, enumerable: false, writable: true, configurable: true });
    Object.defineProperty(this, 'code', { value: key, enumerable: true, writable: true, configurable: true });
    const { msgPrefix, ...info } = context; // eslint-disable-line no-unused-vars
    this.info = info;
    this.errno = context.errno;
    this.syscall = context.syscall;
    if (context.path !== undefined) this.path = context.path;
    if (context.dest !== undefined) this.dest = context.dest;
    this.name = `SystemError [${key}]`;
    this.stack; // eslint-disable-line no-unused-expressions
    delete this.name;
  }
  get ['constructor']() { return Error; }
  toString() { return `SystemError [${this.code}]: ${this.message}`; }
}
Object.defineProperty(SystemError.prototype, 'name', { value: 'SystemError', writable: true, configurable: true });

// ---- paths -------------------------------------------------------------------
let urlModule;
function fileURLToPath(u) {
  if (!urlModule) urlModule = require('internal/url');
  return urlModule.fileURLToPath(u);
}

function isURL(v) {
  return v != null && typeof v === 'object' && typeof v.href === 'string' &&
    typeof v.protocol === 'string' && v.auth === undefined && v.path === undefined;
}

// Returns the path as a string (Buffer and file: URL paths converted).
function getValidatedPath(fileURLOrPath, propName = 'path') {
  let path = fileURLOrPath;
  if (isURL(path)) path = fileURLToPath(path);
  if (typeof path === 'string') {
    if (path.includes('\u0000')) {
      throw new ERR_INVALID_ARG_VALUE(propName, path,
        'must be a string, Uint8Array, or URL without null bytes');
    }
    return path;
  }
  if (isUint8Array(path)) {
    const s = require('buffer').Buffer.from(path.buffer, path.byteOffset, path.byteLength).toString();
    if (s.includes('\u0000')) {
      throw new ERR_INVALID_ARG_VALUE(propName, path,
        'must be a string, Uint8Array, or URL without null bytes');
    }
    return s;
  }
  throw new ERR_INVALID_ARG_TYPE(propName, ['string', 'Buffer', 'URL'], path);
}

function getValidatedFd(fd, propName = 'fd') {
  if (Object.is(fd, -0)) return 0;
  validateInt32(fd, propName, 0);
  return fd;
}

function makeCallback(cb) {
  validateFunction(cb, 'cb');
  return (...args) => Reflect.apply(cb, undefined, args);
}

// ---- flags and modes ----------------------------------------------------------
const { O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_SYNC, O_TRUNC, O_WRONLY } = constants;
function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') return flags;
  if (flags == null) return O_RDONLY;
  switch (flags) {
    case 'r': return O_RDONLY;
    case 'rs': case 'sr': return O_RDONLY | O_SYNC;
    case 'r+': return O_RDWR;
    case 'rs+': case 'sr+': return O_RDWR | O_SYNC;
    case 'w': return O_TRUNC | O_CREAT | O_WRONLY;
    case 'wx': case 'xw': return O_TRUNC | O_CREAT | O_WRONLY | O_EXCL;
    case 'w+': return O_TRUNC | O_CREAT | O_RDWR;
    case 'wx+': case 'xw+': return O_TRUNC | O_CREAT | O_RDWR | O_EXCL;
    case 'a': return O_APPEND | O_CREAT | O_WRONLY;
    case 'ax': case 'xa': return O_APPEND | O_CREAT | O_WRONLY | O_EXCL;
    case 'as': case 'sa': return O_APPEND | O_CREAT | O_WRONLY | O_SYNC;
    case 'a+': return O_APPEND | O_CREAT | O_RDWR;
    case 'ax+': case 'xa+': return O_APPEND | O_CREAT | O_RDWR | O_EXCL;
    case 'as+': case 'sa+': return O_APPEND | O_CREAT | O_RDWR | O_SYNC;
  }
  throw new ERR_INVALID_ARG_VALUE('flags', flags);
}

// ---- options --------------------------------------------------------------------
function assertEncoding(encoding) {
  if (encoding && !require('buffer').Buffer.isEncoding(encoding)) {
    const reason = 'is invalid encoding';
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, reason);
  }
}

function getOptions(options, defaultOptions = {}) {
  if (options == null || typeof options === 'function') return defaultOptions;
  if (typeof options === 'string') {
    defaultOptions = { ...defaultOptions };
    defaultOptions.encoding = options;
    options = defaultOptions;
  } else if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  }
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  if (options.signal !== undefined) {
    require('internal/validators').validateAbortSignal(options.signal, 'options.signal');
  }
  return options;
}

function copyObject(source) {
  const target = {};
  for (const key in source) target[key] = source[key];
  return target;
}

function toUnixTimestamp(time, name = 'time') {
  if (typeof time === 'string' && +time == time) return +time; // eslint-disable-line eqeqeq
  if (Number.isFinite(time)) {
    if (time < 0) return Date.now() / 1000;
    return time;
  }
  if (time instanceof Date) return time.getTime() / 1000;
  throw new ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

function validateOffsetLengthRead(offset, length, bufferLength) {
  if (offset < 0) throw new ERR_OUT_OF_RANGE('offset', '>= 0', offset);
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  if (offset + length > bufferLength) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${bufferLength - offset}`, length);
  }
}

function validateOffsetLengthWrite(offset, length, byteLength) {
  if (offset > byteLength) throw new ERR_OUT_OF_RANGE('offset', `<= ${byteLength}`, offset);
  if (length > byteLength - offset) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${byteLength - offset}`, length);
  }
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  validateInt32(length, 'length', 0);
}

function validateBufferArg(buffer, name = 'buffer') {
  if (!isArrayBufferView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
}

function validatePosition(position, name) {
  if (typeof position === 'number') {
    validateInteger(position, name, -1);
  } else if (typeof position === 'bigint') {
    if (!(position >= -(2n ** 63n) && position <= 2n ** 63n - 1n)) {
      throw new ERR_OUT_OF_RANGE(name, `>= ${-(2n ** 63n)} && <= ${2n ** 63n - 1n}`, position);
    }
  } else {
    throw new ERR_INVALID_ARG_TYPE(name, ['integer', 'bigint'], position);
  }
}

function validateRmdirOptions(options, defaults) {
  if (options === undefined) return defaults;
  validateObject(options, 'options');
  const opts = { ...defaults, ...options };
  require('internal/validators').validateBoolean(opts.recursive, 'options.recursive');
  validateInt32(opts.retryDelay, 'options.retryDelay', 0);
  require('internal/validators').validateUint32(opts.maxRetries, 'options.maxRetries');
  return opts;
}

// ---- Stats -------------------------------------------------------------------
const kNsPerMsBigInt = 10n ** 6n;
const { S_IFMT, S_IFREG, S_IFDIR, S_IFCHR, S_IFBLK, S_IFIFO, S_IFLNK, S_IFSOCK } = constants;

function dateFromMs(ms) {
  return new Date(Math.round(Number(ms)));
}

function StatsBase(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
}
StatsBase.prototype.isDirectory = function() { return this._checkModeProperty(S_IFDIR); };
StatsBase.prototype.isFile = function() { return this._checkModeProperty(S_IFREG); };
StatsBase.prototype.isBlockDevice = function() { return this._checkModeProperty(S_IFBLK); };
StatsBase.prototype.isCharacterDevice = function() { return this._checkModeProperty(S_IFCHR); };
StatsBase.prototype.isSymbolicLink = function() { return this._checkModeProperty(S_IFLNK); };
StatsBase.prototype.isFIFO = function() { return this._checkModeProperty(S_IFIFO); };
StatsBase.prototype.isSocket = function() { return this._checkModeProperty(S_IFSOCK); };

function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
  this.atime = dateFromMs(atimeMs);
  this.mtime = dateFromMs(mtimeMs);
  this.ctime = dateFromMs(ctimeMs);
  this.birthtime = dateFromMs(birthtimeMs);
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);
Object.setPrototypeOf(Stats, StatsBase);
Stats.prototype._checkModeProperty = function(property) {
  return (this.mode & S_IFMT) === property;
};

function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeNs / kNsPerMsBigInt;
  this.mtimeMs = mtimeNs / kNsPerMsBigInt;
  this.ctimeMs = ctimeNs / kNsPerMsBigInt;
  this.birthtimeMs = birthtimeNs / kNsPerMsBigInt;
  this.atimeNs = atimeNs;
  this.mtimeNs = mtimeNs;
  this.ctimeNs = ctimeNs;
  this.birthtimeNs = birthtimeNs;
  this.atime = dateFromMs(this.atimeMs);
  this.mtime = dateFromMs(this.mtimeMs);
  this.ctime = dateFromMs(this.ctimeMs);
  this.birthtime = dateFromMs(this.birthtimeMs);
}
Object.setPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
Object.setPrototypeOf(BigIntStats, StatsBase);
BigIntStats.prototype._checkModeProperty = function(property) {
  return (this.mode & BigInt(S_IFMT)) === BigInt(property);
};

// From the binding's 18-field ArrayBuffer.
function getStatsFromBinding(ab, bigint = false) {
  if (ab === undefined) return undefined;
  if (bigint) {
    const s = new BigInt64Array(ab);
    const ns = (i) => s[i] * 1000000000n + s[i + 1];
    return new BigIntStats(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9],
      ns(10), ns(12), ns(14), ns(16));
  }
  const s = new Float64Array(ab);
  const ms = (i) => s[i] * 1e3 + s[i + 1] / 1e6;
  return new Stats(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9],
    ms(10), ms(12), ms(14), ms(16));
}

// ---- StatFs ----
class StatFs {
  constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
    this.type = type;
    this.bsize = bsize;
    this.blocks = blocks;
    this.bfree = bfree;
    this.bavail = bavail;
    this.files = files;
    this.ffree = ffree;
  }
}
function getStatFsFromBinding(a) { return new StatFs(...a); }

// ---- Dirent -----------------------------------------------------------------------
const kType = Symbol('type');
class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }
  isDirectory() { return this[kType] === constants.UV_DIRENT_DIR; }
  isFile() { return this[kType] === constants.UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === constants.UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === constants.UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === constants.UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === constants.UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === constants.UV_DIRENT_SOCKET; }
}

// A Dirent whose type the directory listing did not know: lstat decides.
function direntTypeFromStats(st) {
  if (st.isFile()) return constants.UV_DIRENT_FILE;
  if (st.isDirectory()) return constants.UV_DIRENT_DIR;
  if (st.isSymbolicLink()) return constants.UV_DIRENT_LINK;
  if (st.isFIFO()) return constants.UV_DIRENT_FIFO;
  if (st.isSocket()) return constants.UV_DIRENT_SOCKET;
  if (st.isCharacterDevice()) return constants.UV_DIRENT_CHAR;
  if (st.isBlockDevice()) return constants.UV_DIRENT_BLOCK;
  return constants.UV_DIRENT_UNKNOWN;
}

// Converts a name (string) to the requested encoding ('buffer' gives Buffers).
function encodeName(name, encoding) {
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8') return name;
  const { Buffer } = require('buffer');
  const b = Buffer.from(name);
  return encoding === 'buffer' ? b : b.toString(encoding);
}

module.exports = {
  constants,
  makeError,
  SystemError,
  getValidatedPath,
  getValidatedFd,
  makeCallback,
  stringToFlags,
  parseFileMode,
  getOptions,
  copyObject,
  assertEncoding,
  toUnixTimestamp,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validateBufferArg,
  validatePosition,
  validateRmdirOptions,
  Stats,
  BigIntStats,
  getStatsFromBinding,
  getStatFsFromBinding,
  Dirent,
  direntTypeFromStats,
  encodeName,
  kType,
  isURL,
};
