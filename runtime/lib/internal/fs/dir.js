'use strict';
// internal/fs/dir — fs.Dir (opendir): a directory read entry by entry with
// read()/readSync()/close() and async iteration.  The listing is taken once
// when the directory is opened (one scandir through the fs binding), which
// gives Node's observable behaviour for the usual loops.

const B = internalBinding('fs_async');
const { codes: { ERR_DIR_CLOSED } } = require('internal/errors');
const { validateFunction } = require('internal/validators');
const { getValidatedPath, getOptions, Dirent, direntTypeFromStats, getStatsFromBinding, encodeName } =
  require('internal/fs/utils');

const kDirPath = Symbol('kDirPath');
const kEntries = Symbol('kEntries');
const kClosed = Symbol('kClosed');
const kOptions = Symbol('kOptions');

class Dir {
  constructor(path, names, types, options) {
    this[kDirPath] = path;
    this[kOptions] = options;
    this[kClosed] = false;
    this[kEntries] = [];
    for (let i = 0; i < names.length; i++) {
      let t = types[i];
      if (t === 0) {
        try {
          t = direntTypeFromStats(getStatsFromBinding(B.lstat(`${path}/${names[i]}`, false)));
        } catch { /* unknown */ }
      }
      this[kEntries].push(new Dirent(encodeName(names[i], options.encoding), t, path));
    }
  }

  get path() { return this[kDirPath]; }

  readSync() {
    if (this[kClosed]) throw new ERR_DIR_CLOSED();
    return this[kEntries].shift() ?? null;
  }

  read(callback) {
    if (callback === undefined) {
      try {
        return Promise.resolve(this.readSync());
      } catch (e) {
        return Promise.reject(e);
      }
    }
    validateFunction(callback, 'callback');
    let r;
    try {
      r = this.readSync();
    } catch (e) {
      process.nextTick(callback, e);
      return;
    }
    process.nextTick(callback, null, r);
  }

  closeSync() {
    if (this[kClosed]) throw new ERR_DIR_CLOSED();
    this[kClosed] = true;
  }

  close(callback) {
    if (callback === undefined) {
      try {
        this.closeSync();
        return Promise.resolve();
      } catch (e) {
        return Promise.reject(e);
      }
    }
    validateFunction(callback, 'callback');
    try {
      this.closeSync();
    } catch (e) {
      process.nextTick(callback, e);
      return;
    }
    process.nextTick(callback, null);
  }

  async* entries() {
    try {
      for (;;) {
        const d = this.readSync();
        if (d === null) break;
        yield d;
      }
    } finally {
      if (!this[kClosed]) this.closeSync();
    }
  }

  [Symbol.asyncIterator]() { return this.entries(); }
}

function opendirSync(path, options) {
  path = getValidatedPath(path);
  options = getOptions(options, { encoding: 'utf8' });
  const [names, types] = B.readdir(path, true);
  return new Dir(path, names, types, options);
}

function opendir(path, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateFunction(callback, 'callback');
  path = getValidatedPath(path);
  options = getOptions(options, { encoding: 'utf8' });
  B.readdir(path, true, (err, res) => {
    if (err) return callback(err);
    callback(null, new Dir(path, res[0], res[1], options));
  });
}

module.exports = { Dir, opendir, opendirSync };
