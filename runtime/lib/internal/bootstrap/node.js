'use strict';
// internal/bootstrap/node — turns the bare process object made in main.c into
// Node's `process` and installs the globals every program touches.  Runs once,
// from internal/main/run, before any user code.  Globals whose modules are
// large are installed as lazy accessors that replace themselves on first use,
// which keeps start-up small.

const pm = internalBinding('process_methods');
const creds = internalBinding('credentials');
const stdio = internalBinding('stdio');
const EventEmitter = require('events');

function defineLazy(target, name, load, enumerable = false) {
  Object.defineProperty(target, name, {
    __proto__: null,
    configurable: true,
    enumerable,
    get() {
      const value = load();
      Object.defineProperty(target, name, { __proto__: null, value, writable: true, configurable: true, enumerable });
      return value;
    },
    set(value) {
      Object.defineProperty(target, name, { __proto__: null, value, writable: true, configurable: true, enumerable });
    },
  });
}

function setupProcess(opts) {
  // process is an EventEmitter whose constructor is named "process".
  function processCtor() {}
  Object.defineProperty(processCtor, 'name', { value: 'process' });
  processCtor.prototype = Object.create(EventEmitter.prototype, {
    constructor: { value: processCtor, writable: true, configurable: true },
  });
  Object.setPrototypeOf(process, processCtor.prototype);
  EventEmitter.call(process);
  Object.defineProperty(process, Symbol.toStringTag, {
    __proto__: null, enumerable: false, writable: true, configurable: false, value: 'process',
  });

  const info = pm.getInfo();
  const titleFlag = opts.execArgv.find((a) => a.startsWith('--title='));
  process.title = titleFlag ? titleFlag.slice(8) : 'devrun-js';
  process.version = 'v20.20.2';
  process.versions = {
    node: '20.20.2',
    devrun: opts.devrunVersion || '0.1.0',
    v8: info.v8,
    uv: info.uv,
    modules: '115',
  };
  process.arch = 'x64';
  process.platform = 'linux';
  process.release = { name: 'node', lts: 'Iron', sourceUrl: '', headersUrl: '' };
  process.argv = opts.argv;
  process.argv0 = opts.argv0;
  process.execArgv = opts.execArgv;
  process.execPath = opts.argv[0];
  process.pid = info.pid;
  Object.defineProperty(process, 'ppid', { get: pm.getPpid, enumerable: true, configurable: true });
  process.features = { inspector: true, debug: false, uv: true, ipv6: true, tls_alpn: true, tls_sni: true, tls_ocsp: true, tls: true, cached_builtins: true, typescript: false };
  process.config = { target_defaults: {}, variables: {} };
  process.debugPort = 9229;
  process._exiting = false;
  const argvHas = (flag) => opts.execArgv.includes(flag);
  if (argvHas('--no-deprecation')) process.noDeprecation = true;
  if (argvHas('--throw-deprecation')) process.throwDeprecation = true;
  if (argvHas('--trace-deprecation')) process.traceDeprecation = true;

  let exitCode;
  Object.defineProperty(process, 'exitCode', {
    __proto__: null,
    enumerable: true,
    configurable: false,
    get() { return exitCode; },
    set(code) {
      if (code !== null && code !== undefined) {
        let v = code;
        if (typeof code === 'string' && code !== '' && Number.isInteger(+code)) v = +code;
        if (typeof v !== 'number') {
          const { codes } = require('internal/errors');
          throw new codes.ERR_INVALID_ARG_TYPE('code', 'number', code);
        }
        if (!Number.isInteger(v)) {
          const { codes } = require('internal/errors');
          throw new codes.ERR_OUT_OF_RANGE('code', 'an integer', code);
        }
      }
      exitCode = code;
    },
  });

  process.exit = function exit(code) {
    if (code !== undefined) process.exitCode = code;
    if (!process._exitEmitted) {
      process._exiting = true;
      process._exitEmitted = true;
      process.emit('exit', process.exitCode === undefined ? 0 : process.exitCode | 0);
    }
    pm.reallyExit(process.exitCode === undefined ? 0 : process.exitCode | 0);
  };
  process.reallyExit = pm.reallyExit;
  process.abort = pm.abort;
  process.cwd = pm.cwd;
  process.chdir = function chdir(directory) {
    if (typeof directory !== 'string') {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_ARG_TYPE('directory', 'string', directory);
    }
    pm.chdir(directory);
  };
  process.umask = function umask(mask) {
    if (mask === undefined) return pm.umask(undefined);
    if (typeof mask === 'string') mask = parseInt(mask, 8);
    return pm.umask(mask);
  };

  const hrValues = new Uint32Array(3);
  process.hrtime = function hrtime(time) {
    pm.hrtime(hrValues);
    const sec = hrValues[0] * 0x100000000 + hrValues[1];
    const nsec = hrValues[2];
    if (time !== undefined) {
      if (!Array.isArray(time)) {
        const { codes } = require('internal/errors');
        throw new codes.ERR_INVALID_ARG_TYPE('time', 'Array', time);
      }
      if (time.length !== 2) {
        const { codes } = require('internal/errors');
        throw new codes.ERR_OUT_OF_RANGE('time', 2, time.length);
      }
      let s = sec - time[0];
      let n = nsec - time[1];
      if (n < 0) { s -= 1; n += 1e9; }
      return [s, n];
    }
    return [sec, nsec];
  };
  process.hrtime.bigint = pm.hrtimeBigInt;
  process.uptime = pm.uptime;

  const memValues = new Float64Array(5);
  process.memoryUsage = function memoryUsage() {
    pm.memoryUsage(memValues);
    return {
      rss: memValues[0], heapTotal: memValues[1], heapUsed: memValues[2],
      external: memValues[3], arrayBuffers: memValues[4],
    };
  };
  process.memoryUsage.rss = pm.rss;
  const cpuValues = new Float64Array(2);
  process.cpuUsage = function cpuUsage(prev) {
    pm.cpuUsage(cpuValues);
    const r = { user: cpuValues[0], system: cpuValues[1] };
    if (prev) { r.user -= prev.user; r.system -= prev.system; }
    return r;
  };
  process.resourceUsage = pm.resourceUsage;
  process.getuid = creds.getuid;
  process.geteuid = creds.geteuid;
  process.getgid = creds.getgid;
  process.getegid = creds.getegid;
  process.getgroups = creds.getgroups;

  process.kill = function kill(pid, sig = 'SIGTERM') {
    const { codes } = require('internal/errors');
    if (pid != (pid | 0)) throw new codes.ERR_INVALID_ARG_TYPE('pid', 'number', pid);
    const { signals } = internalBinding('signal');
    let num;
    if (typeof sig === 'number') num = sig;
    else if (typeof sig === 'string' && signals[sig] !== undefined) num = signals[sig];
    else throw new codes.ERR_UNKNOWN_SIGNAL(sig);
    const err = pm.kill(pid, num);
    if (err) {
      const { errnoException } = internalBinding('errors');
      throw errnoException(err, 'kill');
    }
    return true;
  };

  // process.env: a live view of the real environment.
  const envTarget = {};
  process.env = new Proxy(envTarget, {
    get(t, key) {
      if (typeof key === 'symbol') return t[key];
      return pm.envGet(key);
    },
    set(t, key, value) {
      if (typeof key === 'symbol') { t[key] = value; return true; }
      pm.envSet(key, `${value}`);
      return true;
    },
    has(t, key) { return typeof key === 'string' && pm.envGet(key) !== undefined; },
    deleteProperty(t, key) { if (typeof key === 'string') pm.envDelete(key); return true; },
    ownKeys() { return pm.envKeys(); },
    getOwnPropertyDescriptor(t, key) {
      if (typeof key !== 'string') return undefined;
      const v = pm.envGet(key);
      if (v === undefined) return undefined;
      return { value: v, writable: true, enumerable: true, configurable: true };
    },
    defineProperty(t, key, desc) {
      pm.envSet(key, `${desc.value}`);
      return true;
    },
  });

  const tq = require('internal/process/task_queues');
  process.nextTick = tq.nextTick;
  process.emitWarning = function emitWarning(...args) {
    return require('internal/process/warning').emitWarning(...args);
  };
  process.binding = function binding(name) {
    throw new Error(`No such module: ${name}`);
  };
  process.setUncaughtExceptionCaptureCallback = function(fn) {
    process._captureCallback = fn;
  };
  process.hasUncaughtExceptionCaptureCallback = function() { return !!process._captureCallback; };

  defineLazy(process, 'stdout', () => require('internal/process/stdio').getStdout(), true);
  defineLazy(process, 'stderr', () => require('internal/process/stdio').getStderr(), true);
  defineLazy(process, 'stdin', () => require('internal/process/stdio').getStdin(), true);

  // Signals: start a native watcher while someone listens.
  const sig = internalBinding('signal');
  const signalNames = sig.signals;
  const byNumber = {};
  for (const k of Object.keys(signalNames)) if (byNumber[signalNames[k]] === undefined) byNumber[signalNames[k]] = k;
  sig.setHandler((num) => {
    if (num === signalNames.SIGWINCH) require('internal/process/stdio').onResize();
    process.emit(byNumber[num], byNumber[num], num);
  });
  process.on('newListener', (type) => {
    if (typeof type === 'string' && type.startsWith('SIG') && signalNames[type] !== undefined &&
        process.listenerCount(type) === 0) {
      sig.start(signalNames[type]);
    }
  });
  process.on('removeListener', (type) => {
    if (typeof type === 'string' && type.startsWith('SIG') && signalNames[type] !== undefined &&
        process.listenerCount(type) === 0) {
      sig.stop(signalNames[type]);
    }
  });

  internalBinding('task_queue').setEmitProcess(function emit(type, code) {
    if (type === 'exit') {
      if (process._exitEmitted) return;
      process._exitEmitted = true;
      process._exiting = true;
      if (process.exitCode === undefined) process.exitCode = code;
    }
    return process.emit(type, code);
  });
}

function setupGlobals() {
  const g = globalThis;
  // Explicit resource management symbols, as Node 20 defines them.
  if (Symbol.dispose === undefined) Object.defineProperty(Symbol, 'dispose', { value: Symbol.for('nodejs.dispose') });
  if (Symbol.asyncDispose === undefined) {
    Object.defineProperty(Symbol, 'asyncDispose', { value: Symbol.for('nodejs.asyncDispose') });
  }
  Object.defineProperty(g, 'global', { value: g, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(g, 'process', { value: process, writable: true, configurable: true, enumerable: false });
  const timers = require('timers');
  for (const k of ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate']) {
    Object.defineProperty(g, k, { value: timers[k], writable: true, configurable: true, enumerable: true });
  }
  const tq = require('internal/process/task_queues');
  Object.defineProperty(g, 'queueMicrotask', { value: tq.queueMicrotask, writable: true, configurable: true, enumerable: true });
  Object.defineProperty(g, 'structuredClone', {
    value: function structuredClone(value, options) {
      if (arguments.length === 0) {
        const { codes } = require('internal/errors');
        throw new codes.ERR_MISSING_ARGS('value');
      }
      const transfer = options != null && typeof options === 'object' ? options.transfer : undefined;
      if (transfer !== undefined && transfer !== null && typeof transfer[Symbol.iterator] !== 'function') {
        const e = new TypeError('Optional transferList argument must be an iterable');
        e.code = 'ERR_INVALID_ARG_TYPE';
        throw e;
      }
      if (transfer === undefined || transfer === null) return internalBinding('serdes').structuredClone(value);
      // With a transfer list: MessagePort's clone (internal/worker/io gives
      // ports their prototype, so load it first).
      require('internal/worker/io');
      return internalBinding('messaging').structuredClone(value, [...transfer]);
    },
    writable: true, configurable: true, enumerable: true,
  });
  defineLazy(g, 'console', () => require('internal/console').createGlobalConsole());
  const lazyGlobal = (name, id, key = name) => {
    if (require.exists(id)) defineLazy(g, name, () => require(id)[key]);
  };
  lazyGlobal('TextEncoder', 'internal/encoding');
  lazyGlobal('TextDecoder', 'internal/encoding');
  lazyGlobal('URL', 'internal/url');
  lazyGlobal('URLSearchParams', 'internal/url');
  lazyGlobal('AbortController', 'internal/event_target');
  lazyGlobal('AbortSignal', 'internal/event_target');
  lazyGlobal('EventTarget', 'internal/event_target');
  lazyGlobal('Event', 'internal/event_target');
  lazyGlobal('CustomEvent', 'internal/event_target');
  lazyGlobal('DOMException', 'internal/domexception', 'DOMException');
  lazyGlobal('atob', 'buffer');
  lazyGlobal('btoa', 'buffer');
  lazyGlobal('Buffer', 'buffer');
  lazyGlobal('Blob', 'buffer');
  lazyGlobal('performance', 'internal/perf', 'performance');
  lazyGlobal('BroadcastChannel', 'worker_threads');
  lazyGlobal('MessageChannel', 'worker_threads');
  lazyGlobal('MessagePort', 'worker_threads');
  lazyGlobal('MessageEvent', 'internal/worker/io');
  for (const name of ['ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader',
    'ReadableStreamBYOBRequest', 'ReadableByteStreamController', 'ReadableStreamDefaultController',
    'TransformStream', 'TransformStreamDefaultController', 'WritableStream',
    'WritableStreamDefaultWriter', 'WritableStreamDefaultController', 'ByteLengthQueuingStrategy',
    'CountQueuingStrategy', 'TextEncoderStream', 'TextDecoderStream']) {
    if (require.exists('stream/web')) {
      defineLazy(g, name, () => require('stream/web')[name]);
    }
  }
  if (require.exists('crypto')) defineLazy(g, 'crypto', () => require('crypto').webcrypto);
  lazyGlobal('Crypto', 'internal/crypto/webcrypto');
  lazyGlobal('CryptoKey', 'internal/crypto/webcrypto');
  lazyGlobal('SubtleCrypto', 'internal/crypto/webcrypto');
  lazyGlobal('fetch', 'internal/fetch');
  lazyGlobal('Headers', 'internal/fetch');
  lazyGlobal('Request', 'internal/fetch');
  lazyGlobal('Response', 'internal/fetch');
  lazyGlobal('FormData', 'internal/fetch');
  if (process.execArgv.includes('--experimental-websocket')) lazyGlobal('WebSocket', 'internal/websocket');
}

function bootstrap(opts) {
  setupProcess(opts);
  require('internal/process/execution').setup();
  internalBinding('errors').setRejectHandler(require('internal/process/promises').promiseRejectHandler);
  require('internal/process/task_queues').setupTaskQueue();
  setupGlobals();
}

module.exports = bootstrap;
