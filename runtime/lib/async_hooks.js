'use strict';
// async_hooks — AsyncLocalStorage, AsyncResource and createHook.
//
// Context propagation rests on internal/async_context: promises carry the
// current frame through V8 (continuation-preserved embedder data); timers,
// immediates, nextTick and queueMicrotask carry it where the runtime wires
// that module's hook API into them.  createHook reports what this runtime
// can see: PROMISE resources through V8's promise hooks (init, before, after,
// promiseResolve; no destroy), AsyncResource instances, and the resources
// the runtime's modules report through internal/async_hooks (Timeout,
// Immediate, TickObject, Microtask, FSREQCALLBACK, TCPWRAP, PIPEWRAP,
// WRITEWRAP, PROCESSWRAP, ZLIB, GETADDRINFOREQWRAP...).

const ac = require('internal/async_context');
const { codes, E } = require('internal/errors');
const { validateFunction, validateString, validateObject } = require('internal/validators');
const binding = internalBinding('async_context');

E('ERR_ASYNC_CALLBACK', '%s must be a function', TypeError);
E('ERR_ASYNC_TYPE', 'Invalid name for async "type": %s', TypeError);
E('ERR_INVALID_ASYNC_ID', 'Invalid %s value: %s', RangeError);

// ---- async ids, context stack and emit functions: internal/async_hooks ----
const H = require('internal/async_hooks');
const { executionAsyncId, triggerAsyncId, executionAsyncResource } = H;
const promiseIds = new WeakMap();
const promiseTriggers = new WeakMap();

function promiseId(p) {
  let id = promiseIds.get(p);
  if (id === undefined) {
    id = H.newAsyncId();
    promiseIds.set(p, id);
  }
  return id;
}

function promiseInit(promise, parent) {
  const id = promiseId(promise);
  const trigger = parent !== undefined ? promiseId(parent) : executionAsyncId();
  promiseTriggers.set(promise, trigger);
  H.emitInit(id, 'PROMISE', trigger, promise);
}
function promiseBefore(promise) {
  const id = promiseId(promise);
  const trigger = promiseTriggers.get(promise);
  H.emitBefore(id, trigger === undefined ? id : trigger, promise);
}
function promiseAfter(promise) {
  const id = promiseId(promise);
  if (executionAsyncId() === id) H.emitAfter(id);
}
function promiseResolve(promise) {
  H.emitPromiseResolve(promiseId(promise));
}

function updatePromiseHooks() {
  const hooks = H.enabledHooks();
  const any = (k) => hooks.some((h) => typeof h[k] === 'function');
  const wantPromises = hooks.length > 0;
  binding.setPromiseHooks(
    wantPromises && any('init') ? promiseInit : undefined,
    wantPromises && (any('before') || any('after')) ? promiseBefore : undefined,
    wantPromises && (any('before') || any('after')) ? promiseAfter : undefined,
    wantPromises && any('promiseResolve') ? promiseResolve : undefined);
}

class AsyncHook {
  constructor({ init, before, after, destroy, promiseResolve: resolve }) {
    if (init !== undefined && typeof init !== 'function') throw new codes.ERR_ASYNC_CALLBACK('hook.init');
    if (before !== undefined && typeof before !== 'function') throw new codes.ERR_ASYNC_CALLBACK('hook.before');
    if (after !== undefined && typeof after !== 'function') throw new codes.ERR_ASYNC_CALLBACK('hook.after');
    if (destroy !== undefined && typeof destroy !== 'function') throw new codes.ERR_ASYNC_CALLBACK('hook.destroy');
    if (resolve !== undefined && typeof resolve !== 'function') throw new codes.ERR_ASYNC_CALLBACK('hook.promiseResolve');
    this.init = init;
    this.before = before;
    this.after = after;
    this.destroy = destroy;
    this.promiseResolve = resolve;
  }

  enable() {
    if (H.enableHook(this)) updatePromiseHooks();
    return this;
  }

  disable() {
    if (H.disableHook(this)) updatePromiseHooks();
    return this;
  }
}

function createHook(fns) {
  return new AsyncHook(fns);
}

// ---- AsyncResource ------------------------------------------------------------
const kId = Symbol('asyncId');
const kTrigger = Symbol('triggerAsyncId');
const kFrame = Symbol('kFrame');
const kDestroyed = Symbol('kDestroyed');

class AsyncResource {
  constructor(type, opts = {}) {
    validateString(type, 'type');
    let triggerAsyncId = opts;
    let requireManualDestroy = false;
    if (typeof opts !== 'number') {
      triggerAsyncId = opts === undefined ? executionAsyncId() : opts.triggerAsyncId;
      requireManualDestroy = !!(opts && opts.requireManualDestroy);
    }
    if (triggerAsyncId === undefined) triggerAsyncId = executionAsyncId();
    if (!Number.isSafeInteger(triggerAsyncId) || triggerAsyncId < -1) {
      throw new codes.ERR_INVALID_ASYNC_ID('triggerAsyncId', triggerAsyncId);
    }
    ac.activate();
    this[kId] = H.newAsyncId();
    this[kTrigger] = triggerAsyncId;
    this[kFrame] = ac.current();
    this[kDestroyed] = false;
    void requireManualDestroy;
    H.emitInit(this[kId], type, triggerAsyncId, this);
  }

  runInAsyncScope(fn, thisArg, ...args) {
    const id = this[kId];
    H.emitBefore(id, this[kTrigger], this);
    try {
      return ac.runInFrame(this[kFrame], fn, thisArg, ...args);
    } finally {
      H.emitAfter(id);
    }
  }

  emitDestroy() {
    // As Node, destroy hooks run later (from the destroy queue, in the check
    // phase), not inside emitDestroy().
    if (!this[kDestroyed]) {
      this[kDestroyed] = true;
      H.emitDestroy(this[kId]);
    }
    return this;
  }

  asyncId() { return this[kId]; }
  triggerAsyncId() { return this[kTrigger]; }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    let bound;
    if (thisArg === undefined) {
      const resource = this;
      bound = function(...args) {
        args.unshift(fn, this);
        return Reflect.apply(resource.runInAsyncScope, resource, args);
      };
    } else {
      bound = this.runInAsyncScope.bind(this, fn, thisArg);
    }
    let self = this;
    Object.defineProperties(bound, {
      length: { configurable: true, enumerable: false, value: fn.length, writable: false },
      asyncResource: {
        configurable: true, enumerable: true,
        get() { return self; },
        set(val) { self = val; },
      },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type = type || fn.name || 'bound-anonymous-fn';
    return (new AsyncResource(type)).bind(fn, thisArg);
  }
}

// ---- AsyncLocalStorage ------------------------------------------------------------
class AsyncLocalStorage {
  constructor() {
    this.enabled = false;
    ac.activate();
  }

  static bind(fn) {
    return AsyncResource.bind(fn);
  }

  static snapshot() {
    const runInAsyncScope = AsyncResource.bind(function(cb, ...args) {
      return Reflect.apply(cb, this, args);
    });
    return runInAsyncScope;
  }

  disable() {
    if (this.enabled) {
      this.enabled = false;
      const frame = ac.current();
      if (frame !== undefined && frame.has(this)) ac.set(ac.withStore(frame, this, undefined, true));
    }
  }

  getStore() {
    if (!this.enabled) return undefined;
    const frame = ac.current();
    return frame === undefined ? undefined : frame.get(this);
  }

  enterWith(store) {
    this.enabled = true;
    ac.set(ac.withStore(ac.current(), this, store));
  }

  run(store, callback, ...args) {
    this.enabled = true;
    const prev = ac.current();
    ac.set(ac.withStore(prev, this, store));
    try {
      return Reflect.apply(callback, null, args);
    } finally {
      ac.set(prev);
    }
  }

  exit(callback, ...args) {
    if (!this.enabled) return Reflect.apply(callback, null, args);
    const prev = ac.current();
    ac.set(ac.withStore(prev, this, undefined, true));
    try {
      return Reflect.apply(callback, null, args);
    } finally {
      ac.set(prev);
    }
  }
}

module.exports = {
  AsyncLocalStorage,
  createHook,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  // Node 20's provider names and numbers (which of them this runtime reports:
  // see the top of the file)
  asyncWrapProviders: Object.freeze(Object.assign({ __proto__: null },
    Object.fromEntries('NONE DIRHANDLE DNSCHANNEL ELDHISTOGRAM FILEHANDLE FILEHANDLECLOSEREQ BLOBREADER FSEVENTWRAP FSREQCALLBACK FSREQPROMISE GETADDRINFOREQWRAP GETNAMEINFOREQWRAP HEAPSNAPSHOT HTTP2SESSION HTTP2STREAM HTTP2PING HTTP2SETTINGS HTTPINCOMINGMESSAGE HTTPCLIENTREQUEST JSSTREAM '
      .concat('JSUDPWRAP MESSAGEPORT PIPECONNECTWRAP PIPESERVERWRAP PIPEWRAP PROCESSWRAP PROMISE QUERYWRAP QUIC_LOGSTREAM QUIC_PACKET SHUTDOWNWRAP SIGNALWRAP STATWATCHER STREAMPIPE TCPCONNECTWRAP TCPSERVERWRAP TCPWRAP TTYWRAP UDPSENDWRAP UDPWRAP ')
      .concat('SIGINTWATCHDOG WORKER WORKERHEAPSNAPSHOT WRITEWRAP ZLIB CHECKPRIMEREQUEST PBKDF2REQUEST KEYPAIRGENREQUEST KEYGENREQUEST KEYEXPORTREQUEST CIPHERREQUEST DERIVEBITSREQUEST HASHREQUEST RANDOMBYTESREQUEST RANDOMPRIMEREQUEST SCRYPTREQUEST SIGNREQUEST TLSWRAP VERIFYREQUEST')
      .split(' ').map((name, i) => [name, i])))),
  AsyncResource,
};
