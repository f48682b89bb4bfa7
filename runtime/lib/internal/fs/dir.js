'use strict';
// internal/fs/dir — fs.Dir (fs.opendir, opendirSync, fs.promises.opendir):
// an open directory read in batches of `bufferSize` entries (default 32) on
// libuv's uv_fs_opendir/readdir/closedir (internalBinding('fs_dir'),
// runtime/src/binding_fs_dir.c).  This is Node 20's lib/internal/fs/dir.js:
// read()/readSync() hand out one buffered entry at a time and fetch the next
// batch when the buffer is empty; asynchronous operations are queued, so a
// synchronous one while they run throws ERR_DIR_CONCURRENT_OPERATION;
// close()/closeSync() once (ERR_DIR_CLOSED after); async iteration closes
// the directory when it ends; `recursive` lists subdirectories as it meets
// them.

const pathModule = require('path');
const dirBinding = internalBinding('fs_dir');
const fsBinding = internalBinding('fs_async');
const { E, codes } = require('internal/errors');
const { validateFunction, validateUint32 } = require('internal/validators');
const {
  getOptions, getValidatedPath, Dirent, direntTypeFromStats, getStatsFromBinding, encodeName, constants,
} = require('internal/fs/utils');

if (codes.ERR_DIR_CONCURRENT_OPERATION === undefined) {
  E('ERR_DIR_CONCURRENT_OPERATION',
    'Cannot do synchronous work on directory handle with concurrent asynchronous operations', Error);
}
const { ERR_DIR_CLOSED, ERR_DIR_CONCURRENT_OPERATION, ERR_MISSING_ARGS } = codes;
const H = require('internal/async_hooks');
const AC = require('internal/async_context');

// The completion callback of an asynchronous opendir/read/close: an
// FSREQCALLBACK request made now (async_hooks), run in the current
// AsyncLocalStorage context, as Node's FSReqCallback.
function request(cb) {
  return AC.bind(H.wrapCallback('FSREQCALLBACK', cb));
}

const kDirHandle = Symbol('kDirHandle');
const kDirPath = Symbol('kDirPath');
const kDirBufferedEntries = Symbol('kDirBufferedEntries');
const kDirClosed = Symbol('kDirClosed');
const kDirOptions = Symbol('kDirOptions');
const kDirReadImpl = Symbol('kDirReadImpl');
const kDirReadPromisified = Symbol('kDirReadPromisified');
const kDirClosePromisified = Symbol('kDirClosePromisified');
const kDirOperationQueue = Symbol('kDirOperationQueue');

// A Dirent; an entry of unknown type (some file systems) is lstat'ed.
function getDirent(path, name, type, encoding) {
  if (type === constants.UV_DIRENT_UNKNOWN) {
    try {
      type = direntTypeFromStats(getStatsFromBinding(fsBinding.lstat(pathModule.join(path, name), false)));
    } catch { /* stays unknown */ }
  }
  return new Dirent(encodeName(name, encoding), type, path);
}

class Dir {
  constructor(handle, path, options) {
    if (handle == null) throw new ERR_MISSING_ARGS('handle');
    this[kDirHandle] = handle;
    this[kDirBufferedEntries] = [];
    this[kDirPath] = path;
    this[kDirClosed] = false;
    // Either null or an array of pending operations (functions to call once
    // the current operation is done).
    this[kDirOperationQueue] = null;
    this[kDirOptions] = {
      bufferSize: 32,
      ...getOptions(options, { encoding: 'utf8' }),
    };
    validateUint32(this[kDirOptions].bufferSize, 'options.bufferSize', true);
    this[kDirReadPromisified] = () => new Promise((resolve, reject) => {
      this[kDirReadImpl](false, (err, dirent) => (err ? reject(err) : resolve(dirent)));
    });
    this[kDirClosePromisified] = () => new Promise((resolve, reject) => {
      this.close((err) => (err ? reject(err) : resolve()));
    });
  }

  get path() {
    return this[kDirPath];
  }

  read(callback) {
    return this[kDirReadImpl](true, callback);
  }

  [kDirReadImpl](maybeSync, callback) {
    if (this[kDirClosed] === true) {
      throw new ERR_DIR_CLOSED();
    }

    if (callback === undefined) {
      return this[kDirReadPromisified]();
    }

    validateFunction(callback, 'callback');

    if (this[kDirOperationQueue] !== null) {
      this[kDirOperationQueue].push(() => {
        this[kDirReadImpl](maybeSync, callback);
      });
      return;
    }

    if (this[kDirBufferedEntries].length > 0) {
      try {
        const dirent = this[kDirBufferedEntries].shift();
        if (this[kDirOptions].recursive && dirent.isDirectory()) {
          this.readSyncRecursive(dirent);
        }
        if (maybeSync) process.nextTick(callback, null, dirent);
        else callback(null, dirent);
        return;
      } catch (error) {
        return callback(error);
      }
    }

    this[kDirOperationQueue] = [];
    this[kDirHandle].read(this[kDirOptions].bufferSize, request((err, result) => {
      process.nextTick(() => {
        const queue = this[kDirOperationQueue];
        this[kDirOperationQueue] = null;
        for (const op of queue) op();
      });

      if (err || result === null) {
        return callback(err, result);
      }

      try {
        this.processReadResult(this[kDirPath], result);
        const dirent = this[kDirBufferedEntries].shift();
        if (this[kDirOptions].recursive && dirent.isDirectory()) {
          this.readSyncRecursive(dirent);
        }
        callback(null, dirent);
      } catch (error) {
        callback(error);
      }
    }));
  }

  processReadResult(path, result) {
    const { encoding } = this[kDirOptions];
    for (let i = 0; i < result.length; i += 2) {
      this[kDirBufferedEntries].push(getDirent(path, result[i], result[i + 1], encoding));
    }
  }

  readSyncRecursive(dirent) {
    const path = pathModule.join(dirent.parentPath, `${dirent.name}`);
    const handle = dirBinding.opendirSync(path);
    // One batch of each subdirectory, as Node 20 reads.
    try {
      const result = handle.read(this[kDirOptions].bufferSize);
      if (result !== null) this.processReadResult(path, result);
    } finally {
      handle.close();
    }
  }

  readSync() {
    if (this[kDirClosed] === true) {
      throw new ERR_DIR_CLOSED();
    }

    if (this[kDirOperationQueue] !== null) {
      throw new ERR_DIR_CONCURRENT_OPERATION();
    }

    if (this[kDirBufferedEntries].length > 0) {
      const dirent = this[kDirBufferedEntries].shift();
      if (this[kDirOptions].recursive && dirent.isDirectory()) {
        this.readSyncRecursive(dirent);
      }
      return dirent;
    }

    const result = this[kDirHandle].read(this[kDirOptions].bufferSize);
    if (result === null) {
      return result;
    }

    this.processReadResult(this[kDirPath], result);

    const dirent = this[kDirBufferedEntries].shift();
    if (this[kDirOptions].recursive && dirent.isDirectory()) {
      this.readSyncRecursive(dirent);
    }
    return dirent;
  }

  close(callback) {
    // Promise
    if (callback === undefined) {
      if (this[kDirClosed] === true) {
        return Promise.reject(new ERR_DIR_CLOSED());
      }
      return this[kDirClosePromisified]();
    }

    // callback
    validateFunction(callback, 'callback');

    if (this[kDirClosed] === true) {
      process.nextTick(callback, new ERR_DIR_CLOSED());
      return;
    }

    if (this[kDirOperationQueue] !== null) {
      this[kDirOperationQueue].push(() => {
        this.close(callback);
      });
      return;
    }

    this[kDirClosed] = true;
    this[kDirHandle].close(request((err) => callback(err)));
  }

  closeSync() {
    if (this[kDirClosed] === true) {
      throw new ERR_DIR_CLOSED();
    }

    if (this[kDirOperationQueue] !== null) {
      throw new ERR_DIR_CONCURRENT_OPERATION();
    }

    this[kDirClosed] = true;
    this[kDirHandle].close();
  }

  async* entries() {
    try {
      while (true) {
        const result = await this[kDirReadPromisified]();
        if (result === null) {
          break;
        }
        yield result;
      }
    } finally {
      await this[kDirClosePromisified]();
    }
  }
}

Object.defineProperty(Dir.prototype, Symbol.asyncIterator, {
  __proto__: null,
  value: Dir.prototype.entries,
  enumerable: false,
  writable: true,
  configurable: true,
});

function opendir(path, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateFunction(callback, 'callback');

  path = getValidatedPath(path);
  options = getOptions(options, { encoding: 'utf8' });

  dirBinding.opendir(`${path}`, request((error, handle) => {
    if (error) {
      callback(error);
    } else {
      callback(null, new Dir(handle, path, options));
    }
  }));
}

function opendirSync(path, options) {
  path = getValidatedPath(path);
  options = getOptions(options, { encoding: 'utf8' });

  const handle = dirBinding.opendirSync(`${path}`);

  return new Dir(handle, path, options);
}

function opendirPromise(path, options) {
  return new Promise((resolve, reject) => {
    opendir(path, options, (err, dir) => (err ? reject(err) : resolve(dir)));
  });
}

module.exports = {
  Dir,
  opendir,
  opendirSync,
  opendirPromise,
};
