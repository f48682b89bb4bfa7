'use strict';
// internal/fs/watchers — fs.watch (FSWatcher on libuv fs events, inotify on
// Linux), fs.watchFile/unwatchFile (StatWatcher on libuv's stat polling) and
// fs/promises' watch() async iterator.  Recursive fs.watch watches every
// directory found under the root when it starts (plus directories that
// appear later, when their creation is seen).

const B = internalBinding('fs_async');
const EventEmitter = require('events');
const { validateBoolean, validateFunction, validateObject, validateUint32 } = require('internal/validators');
const { getValidatedPath, getStatsFromBinding, encodeName } = require('internal/fs/utils');

const kHandles = Symbol('kHandles');

class FSWatcher extends EventEmitter {
  constructor() {
    super();
    this[kHandles] = new Map();
    this._closed = false;
  }

  _watchDir(dir, prefix, persistent, recursive, encoding) {
    if (this[kHandles].has(dir)) return;
    const h = B.fsEventStart(dir, persistent, (event, filename, isError) => {
      if (isError) {
        this.emit('error', event);
        this.close();
        return;
      }
      const rel = filename == null ? null : (prefix ? `${prefix}/${filename}` : filename);
      if (recursive && filename != null) {
        const full = `${dir}/${filename}`;
        try {
          if (getStatsFromBinding(B.stat(full, false)).isDirectory()) {
            this._watchDir(full, rel, persistent, true, encoding);
          }
        } catch { /* gone already */ }
      }
      this.emit('change', event, rel == null ? rel : encodeName(rel, encoding));
    });
    this[kHandles].set(dir, h);
    if (recursive) {
      let names;
      try {
        names = B.readdir(dir, true);
      } catch {
        return;
      }
      const [list, types] = names;
      for (let i = 0; i < list.length; i++) {
        if (types[i] === 2) {
          this._watchDir(`${dir}/${list[i]}`, prefix ? `${prefix}/${list[i]}` : list[i], persistent, true, encoding);
        }
      }
    }
  }

  close() {
    if (this._closed) return;
    this._closed = true;
    for (const h of this[kHandles].values()) B.handleClose(h);
    this[kHandles].clear();
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    for (const h of this[kHandles].values()) B.handleRef(h, true);
    return this;
  }

  unref() {
    for (const h of this[kHandles].values()) B.handleRef(h, false);
    return this;
  }
}

function watch(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = {};
  } else if (typeof options === 'string') {
    options = { encoding: options };
  } else if (options == null) {
    options = {};
  }
  validateObject(options, 'options');
  const { persistent = true, recursive = false, encoding = 'utf8', signal } = options;
  validateBoolean(recursive, 'options.recursive');
  const path = getValidatedPath(filename, 'filename');
  const watcher = new FSWatcher();
  let isDir = false;
  try {
    isDir = getStatsFromBinding(B.stat(path, false)).isDirectory();
  } catch { /* fsEventStart reports it */ }
  watcher._watchDir(path, '', !!persistent, recursive && isDir, encoding);
  if (listener) watcher.on('change', listener);
  if (signal) {
    if (signal.aborted) process.nextTick(() => watcher.close());
    else signal.addEventListener('abort', () => watcher.close(), { once: true });
  }
  return watcher;
}

// ---- watchFile -------------------------------------------------------------------
class StatWatcher extends EventEmitter {
  constructor(bigint) {
    super();
    this._handle = null;
    this._bigint = bigint;
  }

  _start(path, persistent, interval) {
    this._handle = B.statWatchStart(path, interval, persistent, (status, curr, prev) => {
      this.emit('change', getStatsFromBinding(curr), getStatsFromBinding(prev));
    });
  }

  stop() {
    if (!this._handle) return;
    B.handleClose(this._handle);
    this._handle = null;
    process.nextTick(() => this.emit('stop'));
  }

  ref() {
    if (this._handle) B.handleRef(this._handle, true);
    return this;
  }

  unref() {
    if (this._handle) B.handleRef(this._handle, false);
    return this;
  }
}

const statWatchers = new Map();

function watchFile(filename, options, listener) {
  filename = getValidatedPath(filename);
  filename = require('path').resolve(filename);
  let stat;
  options = { interval: 5007, persistent: true, ...(typeof options === 'object' && options) };
  if (typeof options === 'function' || typeof listener !== 'function') {
    listener = typeof arguments[1] === 'function' ? arguments[1] : listener;
  }
  validateFunction(listener, 'listener');
  stat = statWatchers.get(filename);
  if (stat === undefined) {
    validateUint32(options.interval, 'options.interval');
    stat = new StatWatcher(options.bigint);
    stat._start(filename, options.persistent, options.interval);
    statWatchers.set(filename, stat);
  }
  stat.addListener('change', listener);
  return stat;
}

function unwatchFile(filename, listener) {
  filename = getValidatedPath(filename);
  filename = require('path').resolve(filename);
  const stat = statWatchers.get(filename);
  if (stat === undefined) return;
  if (typeof listener === 'function') stat.removeListener('change', listener);
  else stat.removeAllListeners('change');
  if (stat.listenerCount('change') === 0) {
    stat.stop();
    statWatchers.delete(filename);
  }
}

// fs/promises watch(): an async iterator of { eventType, filename }.
function watchAsync(filename, options = {}) {
  validateObject(options, 'options');
  const watcher = watch(filename, { ...options, signal: undefined });
  const queue = [];
  let wake = null;
  let error = null;
  let done = false;
  watcher.on('change', (eventType, name) => {
    queue.push({ eventType, filename: name });
    if (wake) { wake(); wake = null; }
  });
  watcher.on('error', (e) => { error = e; if (wake) { wake(); wake = null; } });
  const finish = () => { done = true; watcher.close(); if (wake) { wake(); wake = null; } };
  if (options.signal) {
    if (options.signal.aborted) finish();
    else options.signal.addEventListener('abort', finish, { once: true });
  }
  return {
    async next() {
      for (;;) {
        if (error) {
          const e = error;
          error = null;
          finish();
          throw e;
        }
        if (queue.length) return { value: queue.shift(), done: false };
        if (done) {
          if (options.signal && options.signal.aborted) {
            const { AbortError } = require('internal/errors');
            throw new AbortError(undefined, { cause: options.signal.reason });
          }
          return { value: undefined, done: true };
        }
        await new Promise((r) => { wake = r; });
      }
    },
    return() {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() { return this; },
  };
}

module.exports = { FSWatcher, StatWatcher, watch, watchFile, unwatchFile, watchAsync };
