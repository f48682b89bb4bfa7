'use strict';
// internal/main/worker — the entry of a worker thread, called by
// runtime/src/binding_worker.c with the start-up data made by
// internal/worker (already deserialized on this thread) and the worker's
// end of the parent's port (parentPort).  Bootstraps process and globals as
// for the main thread, with the differences Node has in workers: its own
// copy of process.env (unless SHARE_ENV), process.argv = [execPath,
// filename or '[worker eval]', ...argv], an empty process.stdin, no
// chdir/umask changes, and process.exit() ending only this thread.

const bootstrap = require('internal/bootstrap/node');

function envProxy(initial) {
  const store = { __proto__: null, ...initial };
  return new Proxy(store, {
    get(t, key) { return t[key]; },
    set(t, key, value) {
      if (typeof key === 'symbol') t[key] = value;
      else t[key] = `${value}`;
      return true;
    },
    has(t, key) { return key in t; },
    deleteProperty(t, key) { delete t[key]; return true; },
    ownKeys(t) { return Reflect.ownKeys(t); },
    getOwnPropertyDescriptor(t, key) {
      if (!(key in t)) return undefined;
      return { value: t[key], writable: true, enumerable: true, configurable: true };
    },
    defineProperty(t, key, desc) { t[key] = `${desc.value}`; return true; },
  });
}

function unsupported(name) {
  return function() {
    const { codes } = require('internal/errors');
    throw new codes.ERR_WORKER_UNSUPPORTED_OPERATION(name);
  };
}

// stdout/stderr: true — the worker's writes go to the parent's
// worker.stdout/stderr through the stdio channel.
function channelWritable(stdioPort, t) {
  const { Writable } = require('stream');
  const w = new Writable({
    write(chunk, encoding, cb) {
      stdioPort.postMessage({ t, chunk: typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk });
      cb();
    },
  });
  w.isTTY = false;
  return w;
}

function runWorker(init, port, stdioPort) {
  const execPath = internalBinding('worker').execPath;
  const scriptName = init.isEval ? '[worker eval]' : (init.filename ?? init.dataUrl);
  bootstrap({
    argv: [execPath, scriptName, ...init.argv],
    execArgv: init.execArgv,
    argv0: init.argv0,
  });
  if (!init.shareEnv) {
    Object.defineProperty(process, 'env', {
      value: envProxy(init.env), writable: true, configurable: true, enumerable: true,
    });
  }
  const stdin = new (require('stream').Readable)({ read() {} });
  if (init.stdin) {
    stdioPort.on('message', (m) => {
      if (m.t === 'stdin') stdin.push(Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength));
      else if (m.t === 'stdin-end') { stdin.push(null); stdioPort.unref(); }
    });
    // A worker reading its stdin stays alive until the parent ends it.
    stdin.on('resume', () => stdioPort.ref());
    stdin.on('pause', () => stdioPort.unref());
  } else {
    stdin.push(null);
  }
  stdioPort.unref();
  for (const t of ['stdout', 'stderr']) {
    if (init[t]) {
      Object.defineProperty(process, t, {
        value: channelWritable(stdioPort, t), writable: true, configurable: true, enumerable: true,
      });
    }
  }
  Object.defineProperty(process, 'stdin', { value: stdin, writable: true, configurable: true, enumerable: true });
  process.chdir = unsupported('process.chdir');
  const umask = process.umask;
  process.umask = function(mask) {
    if (mask !== undefined) return unsupported('Setting process.umask()')();
    return umask();
  };
  process.abort = unsupported('process.abort');
  for (const k of ['setuid', 'setgid', 'seteuid', 'setegid', 'setgroups', 'initgroups']) {
    if (typeof process[k] === 'function') process[k] = unsupported(`process.${k}`);
  }

  const state = require('internal/worker/state');
  state.parentPort = port;
  state.workerData = init.workerData;
  state.resourceLimits = { ...init.resourceLimits };
  if (init.environmentData instanceof Map) {
    for (const [k, v] of init.environmentData) state.environmentData.set(k, v);
  }

  const esm = require('internal/modules/esm');
  esm.setup();
  const Module = require('internal/modules/cjs/loader');
  const path = require('path');
  if (init.isEval) {
    if (init.isModule) {
      esm.evalModule(init.code, '[worker eval]');
      return;
    }
    const name = '[worker eval]';
    const module = new Module(name);
    module.filename = path.join(process.cwd(), name);
    module.paths = Module._nodeModulePaths(process.cwd());
    globalThis.module = module;
    globalThis.exports = module.exports;
    globalThis.require = Module.createRequire(path.join(process.cwd(), name));
    globalThis.__filename = name;
    globalThis.__dirname = '.';
    const { runInThisContext } = internalBinding('contextify');
    runInThisContext(init.code, name);
    return;
  }
  if (init.dataUrl !== undefined) {
    esm.evalModule(decodeDataUrl(init.dataUrl), init.dataUrl);
    return;
  }
  Module.runMain(init.filename);
}

function decodeDataUrl(url) {
  const comma = url.indexOf(',');
  const meta = url.slice(5, comma);
  const body = url.slice(comma + 1);
  if (meta.endsWith(';base64')) return Buffer.from(decodeURIComponent(body), 'base64').toString();
  return decodeURIComponent(body);
}

module.exports = runWorker;
