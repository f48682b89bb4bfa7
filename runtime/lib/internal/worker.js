'use strict';
// internal/worker — the Worker class of worker_threads (the parent's side).
//
// new Worker() packs the worker's start-up data into one structured-clone
// message (filename or code, workerData, env, argv, environmentData...) and
// hands it to internalBinding('worker').createWorker, which starts a thread
// with its own isolate and loop (runtime/src/binding_worker.c) running
// internal/main/worker.  Messages go through the MessagePort pair made with
// it; 'online', the worker's uncaught error and its exit code come back
// through the handle's ononline/onerror/onexit.

const EventEmitter = require('events');
const path = require('path');
const binding = internalBinding('worker');
const { isPort } = internalBinding('messaging');
const { receiveMessageOnPort } = require('internal/worker/io');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_WORKER_PATH },
} = require('internal/errors');
const state = require('internal/worker/state');

const kHandle = Symbol('kHandle');
const kPort = Symbol('kPort');
const kExited = Symbol('kExited');
const kExitWaiters = Symbol('kExitWaiters');
const kLimits = Symbol('kLimits');
const kThreadId = Symbol('kThreadId');
const kStdioPort = Symbol('kStdioPort');
const kStdout = Symbol('kStdout');
const kStderr = Symbol('kStderr');
const kStdin = Symbol('kStdin');

const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');

const limitKeys = ['maxYoungGenerationSizeMb', 'maxOldGenerationSizeMb', 'codeRangeSizeMb', 'stackSizeMb'];

function resolveFilename(filename, isEval) {
  if (isEval) {
    if (typeof filename !== 'string') {
      throw new ERR_INVALID_ARG_VALUE('options.eval', true, "must be false when 'filename' is not a string");
    }
    return filename;
  }
  if (filename !== null && typeof filename === 'object' && typeof filename.href === 'string') {
    if (filename.protocol === 'data:') {
      return { data: filename.href };
    }
    if (filename.protocol !== 'file:') {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_URL_SCHEME('file');
    }
    return require('internal/url').fileURLToPath(filename);
  }
  if (typeof filename !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], filename);
  }
  if (!path.isAbsolute(filename) && !/^\.\.?[\\/]/.test(filename)) throw new ERR_WORKER_PATH(filename);
  return path.resolve(filename);
}

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    if (options === null || (typeof options !== 'object' && typeof options !== 'function')) options = {};
    const isEval = !!options.eval;
    let file = resolveFilename(filename, isEval);
    let dataUrl;
    if (typeof file === 'object') {
      dataUrl = file.data;
      file = undefined;
    }
    let argv = [];
    if (options.argv !== undefined) {
      if (!Array.isArray(options.argv)) throw new ERR_INVALID_ARG_TYPE('options.argv', 'Array', options.argv);
      argv = options.argv.map(String);
    }
    let execArgv;
    if (options.execArgv !== undefined) {
      if (!Array.isArray(options.execArgv)) {
        throw new ERR_INVALID_ARG_TYPE('options.execArgv', 'Array', options.execArgv);
      }
      execArgv = options.execArgv.map(String);
    }
    let env = null;
    let shareEnv = false;
    if (options.env === SHARE_ENV) {
      shareEnv = true;
    } else if (options.env === undefined || options.env === null || options.env === process.env) {
      env = { ...process.env };
    } else if (typeof options.env === 'object') {
      env = {};
      for (const k of Object.keys(options.env)) env[k] = `${options.env[k]}`;
    } else {
      throw new ERR_INVALID_ARG_TYPE('options.env',
        ['object', 'undefined', 'null', 'worker_threads.SHARE_ENV'], options.env);
    }
    const limits = {};
    if (options.resourceLimits !== null && typeof options.resourceLimits === 'object') {
      for (const k of limitKeys) {
        const v = options.resourceLimits[k];
        if (v !== undefined) {
          if (typeof v !== 'number') throw new ERR_INVALID_ARG_TYPE(`options.resourceLimits.${k}`, 'number', v);
          limits[k] = v;
        }
      }
    }
    if (options.name !== undefined && typeof options.name !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.name', 'string', options.name);
    }
    let transferList = options.transferList;
    if (transferList !== undefined && transferList !== null) {
      if (typeof transferList[Symbol.iterator] !== 'function') {
        throw new ERR_INVALID_ARG_VALUE('options.transferList', transferList,
          'must be an iterable');
      }
      transferList = [...transferList];
    }

    const init = {
      filename: isEval ? undefined : file,
      code: isEval ? file : undefined,
      dataUrl,
      isEval,
      isModule: isEval && options.type === 'module',
      argv,
      execArgv: execArgv ?? process.execArgv,
      argv0: process.argv0,
      env,
      shareEnv,
      workerData: options.workerData,
      environmentData: state.environmentData,
      resourceLimits: limits,
      name: options.name ?? '',
      stdin: !!options.stdin,
      stdout: !!options.stdout,
      stderr: !!options.stderr,
    };
    const handle = binding.createWorker(init, transferList, limits);
    this[kHandle] = handle;
    this[kThreadId] = handle.threadId;
    this[kExited] = false;
    this[kExitWaiters] = [];
    this[kLimits] = limits;
    const port = handle.port;
    this[kPort] = port;
    port.on('message', (m) => this.emit('message', m));
    port.on('messageerror', (e) => this.emit('messageerror', e));
    port.unref(); // the worker's thread keeps the loop alive, not its port
    this._setupStdio(handle.stdioPort, options);
    handle.ononline = () => this.emit('online');
    handle.onerror = (err) => this.emit('error', deserializeError(err));
    handle.onoom = () => {
      const { codes } = require('internal/errors');
      this.emit('error', new codes.ERR_WORKER_OUT_OF_MEMORY('JS heap out of memory'));
    };
    handle.onexit = (code) => this._onExit(code);
    binding.start(handle);
  }

  // worker.stdout/stderr are Readables that the worker's process.stdout/
  // stderr feed when the Worker was made with stdout/stderr: true (otherwise
  // the worker writes to the process's descriptors itself and they just end
  // with the worker); worker.stdin (stdin: true) feeds the worker's
  // process.stdin.
  _setupStdio(stdioPort, options) {
    const { Readable, Writable } = require('stream');
    this[kStdioPort] = stdioPort;
    this[kStdout] = new Readable({ read() {} });
    this[kStderr] = new Readable({ read() {} });
    this[kStdin] = null;
    if (options.stdin) {
      this[kStdin] = new Writable({
        write(chunk, encoding, cb) {
          stdioPort.postMessage({ t: 'stdin', chunk: typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk });
          cb();
        },
        final(cb) { stdioPort.postMessage({ t: 'stdin-end' }); cb(); },
      });
    }
    stdioPort.on('message', (m) => this._onStdio(m));
    stdioPort.unref();
  }

  _onStdio(m) {
    const stream = m.t === 'stdout' ? this[kStdout] : m.t === 'stderr' ? this[kStderr] : null;
    if (stream) stream.push(Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength));
  }

  _onExit(code) {
    this[kExited] = true;
    const stdioPort = this[kStdioPort];
    for (;;) {
      const r = isPort(stdioPort) ? receiveMessageOnPort(stdioPort) : undefined;
      if (r === undefined) break;
      this._onStdio(r.message);
    }
    stdioPort.close();
    this[kStdout].push(null);
    this[kStderr].push(null);
    // Messages the worker sent before it ended come first.
    const port = this[kPort];
    for (;;) {
      const r = isPort(port) ? receiveMessageOnPort(port) : undefined;
      if (r === undefined) break;
      this.emit('message', r.message);
    }
    port.close();
    this[kThreadId] = -1;
    this[kLimits] = {};
    this.emit('exit', code);
    for (const resolve of this[kExitWaiters]) resolve(code);
    this[kExitWaiters] = [];
  }

  get threadId() { return this[kThreadId]; }
  get resourceLimits() { return this[kExited] ? {} : { ...defaultLimits(), ...this[kLimits] }; }
  get stdin() { return this[kStdin]; }
  get stdout() { return this[kStdout]; }
  get stderr() { return this[kStderr]; }

  postMessage(...args) {
    if (this[kExited]) return;
    this[kPort].postMessage(...args);
  }

  terminate(callback) {
    if (typeof callback === 'function') {
      process.emitWarning('Passing a callback to worker.terminate() is deprecated. ' +
        'It returns a Promise instead.', 'DeprecationWarning', 'DEP0132');
      this.once('exit', (code) => callback(null, code));
    }
    if (this[kExited]) return Promise.resolve();
    return new Promise((resolve) => {
      this[kExitWaiters].push(resolve);
      binding.terminate(this[kHandle]);
    });
  }

  ref() {
    if (!this[kExited]) binding.ref(this[kHandle], true);
  }

  unref() {
    if (!this[kExited]) binding.ref(this[kHandle], false);
  }

  getHeapSnapshot() {
    const { codes } = require('internal/errors');
    return Promise.reject(new codes.ERR_METHOD_NOT_IMPLEMENTED('getHeapSnapshot'));
  }
}

// A worker's uncaught Error travels as a plain record (internal/main/worker's
// serializeError) so that its class, stack and own properties such as
// `code` survive; other thrown values travel as themselves.
function deserializeError(v) {
  if (v === null || typeof v !== 'object' || v.__workerError !== true) return v;
  const Ctor = typeof globalThis[v.name] === 'function' && globalThis[v.name].prototype instanceof Error ?
    globalThis[v.name] : (v.name === 'Error' ? Error : undefined);
  const err = Object.create((Ctor ?? Error).prototype);
  Object.defineProperty(err, 'message', { value: v.message, writable: true, configurable: true });
  Object.defineProperty(err, 'stack', { value: v.stack, writable: true, configurable: true });
  if (!Ctor && v.name !== undefined) {
    Object.defineProperty(err, 'name', { value: v.name, writable: true, configurable: true });
  }
  for (const k of Object.keys(v.props)) err[k] = v.props[k];
  return err;
}

function defaultLimits() {
  return { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: 2048, codeRangeSizeMb: 0, stackSizeMb: 4 };
}

module.exports = { Worker, SHARE_ENV };
