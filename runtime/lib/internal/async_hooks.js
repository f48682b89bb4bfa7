'use strict';
// internal/async_hooks — async ids, the execution context stack and the
// emit functions that the places creating async resources call (Node's
// lib/internal/async_hooks.js design), for async_hooks.createHook.
//
//   newAsyncId()                       a fresh id (1 is the main script)
//   getDefaultTriggerAsyncId()         the trigger for a resource made now:
//                                      the current execution id, or the one
//                                      set by defaultTriggerAsyncIdScope()
//   emitInit(id, type, trigger, resource)   when a resource is created
//   emitBefore(id, trigger, resource)  before its callback: pushes the context
//   emitAfter(id)                      after it: pops the context
//   emitDestroy(id)                    when it is gone (hooks run later, from
//                                      the check phase, as Node's destroy queue)
//   initHooksExist(), destroyHooksExist()    cheap tests for hot paths
//   wrapCallback(type, cb, trigger?, resource?) -> cb wrapped in a one-shot
//                                      request resource (init now; before,
//                                      after, destroy when it is called)
//   requestBinding(binding, type)      the binding with every trailing
//                                      callback wrapped so (fs: FSREQCALLBACK)
//   instrumentHandle(Class, type, kinds)     libuv handle classes of the
//                                      bindings: their callbacks run in the
//                                      handle's context, writes/shutdowns/
//                                      connects are WRITEWRAP/SHUTDOWNWRAP/
//                                      *CONNECTWRAP requests
//
// Ids are counted and the context stack kept whether or not a hook is
// enabled (executionAsyncId() is right everywhere); the hooks themselves are
// only called while one is enabled (per-kind counters), so the cost without
// hooks is an increment and a push/pop per callback.

const kInit = 0;
const kBefore = 1;
const kAfter = 2;
const kDestroy = 3;
const kPromiseResolve = 4;
const kTotals = 5;
const fields = new Uint32Array(6);
const kindIndex = { init: kInit, before: kBefore, after: kAfter, destroy: kDestroy, promiseResolve: kPromiseResolve };

const async_id_symbol = Symbol('asyncId');
const trigger_async_id_symbol = Symbol('triggerAsyncId');

const hooks = [];       // enabled hook objects, in order of enable()
let inHook = false;     // a hook's own async work is not reported to hooks

let asyncIdCounter = 1;
const topLevelResource = {};
let executionId = 1;
let triggerId = 0;
let currentResource = topLevelResource;
const stack = [];       // saved (executionId, triggerId, resource) triples
let sp = 0;             // stack[0..sp) is in use
let defaultTriggerAsyncId = -1;

function newAsyncId() { return ++asyncIdCounter; }
function executionAsyncId() { return executionId; }
function triggerAsyncId() { return triggerId; }
function executionAsyncResource() { return currentResource; }
function getDefaultTriggerAsyncId() {
  return defaultTriggerAsyncId < 0 ? executionId : defaultTriggerAsyncId;
}
function defaultTriggerAsyncIdScope(id, fn, ...args) {
  const old = defaultTriggerAsyncId;
  defaultTriggerAsyncId = id;
  try {
    return Reflect.apply(fn, null, args);
  } finally {
    defaultTriggerAsyncId = old;
  }
}

function initHooksExist() { return fields[kInit] > 0; }
function destroyHooksExist() { return fields[kDestroy] > 0; }
function hooksExist() { return fields[kTotals] > 0; }

function callHooks(kind, a, b, c, d) {
  if (inHook) return;
  inHook = true;
  try {
    const list = hooks.slice();
    for (let i = 0; i < list.length; i++) {
      const fn = list[i][kind];
      if (typeof fn === 'function') Reflect.apply(fn, list[i], [a, b, c, d].slice(0, kind === 'init' ? 4 : 1));
    }
  } finally {
    inHook = false;
  }
}

function emitInit(asyncId, type, trigger, resource) {
  if (fields[kInit] > 0) callHooks('init', asyncId, type, trigger, resource);
}

function pushContext(asyncId, trigger, resource) {
  stack[sp] = executionId;
  stack[sp + 1] = triggerId;
  stack[sp + 2] = currentResource;
  sp += 3;
  executionId = asyncId;
  triggerId = trigger;
  currentResource = resource;
}

function popContext() {
  if (sp === 0) {
    executionId = 1;
    triggerId = 0;
    currentResource = topLevelResource;
    return;
  }
  sp -= 3;
  executionId = stack[sp];
  triggerId = stack[sp + 1];
  currentResource = stack[sp + 2];
  stack[sp + 2] = undefined;
}

// The tick queue runs its callbacks one after another at one depth: it
// pushes the context it found once (pushContext with the current values),
// then enterTick() only replaces the top for each tick (no push/pop per
// callback), and pops once at the end.
function enterTick(asyncId, trigger, resource) {
  executionId = asyncId;
  triggerId = trigger;
  currentResource = resource;
  if (fields[kBefore] > 0) callHooks('before', asyncId);
}
function leaveTick(asyncId) {
  if (fields[kAfter] > 0) callHooks('after', asyncId);
}

// For loops that run many callbacks without a try block each (the tick
// queue): the depth before, and the unwinding when a callback threw.
function contextDepth() { return sp; }
function restoreContextDepth(depth) {
  while (sp > depth) popContext();
}

function emitBefore(asyncId, trigger, resource) {
  pushContext(asyncId, trigger, resource);
  if (fields[kBefore] > 0) callHooks('before', asyncId);
}

function emitAfter(asyncId) {
  if (fields[kAfter] > 0) callHooks('after', asyncId);
  popContext();
}

function emitPromiseResolve(asyncId) {
  if (fields[kPromiseResolve] > 0) callHooks('promiseResolve', asyncId);
}

// Destroy hooks run from the check phase of the loop (an internal immediate
// that neither keeps the loop alive nor is itself reported), in order.
let destroyQueue = [];
let destroyScheduled = false;
function flushDestroys() {
  destroyScheduled = false;
  const q = destroyQueue;
  destroyQueue = [];
  for (let i = 0; i < q.length; i++) {
    if (fields[kDestroy] > 0) callHooks('destroy', q[i]);
  }
}
function emitDestroy(asyncId) {
  if (fields[kDestroy] === 0 || inHook) return;
  destroyQueue.push(asyncId);
  if (!destroyScheduled) {
    destroyScheduled = true;
    require('internal/timers').internalImmediate(flushDestroys);
  }
}

// Node's exception path: after an uncaught exception the stack is unwound.
function clearAsyncIdStack() {
  stack.length = 0;
  sp = 0;
  executionId = 1;
  triggerId = 0;
  currentResource = topLevelResource;
}

// ---- hook registration (async_hooks.createHook) ------------------------------
function enableHook(hook) {
  if (hooks.includes(hook)) return false;
  hooks.push(hook);
  for (const k of Object.keys(kindIndex)) if (typeof hook[k] === 'function') fields[kindIndex[k]]++;
  fields[kTotals]++;
  return true;
}
function disableHook(hook) {
  const i = hooks.indexOf(hook);
  if (i === -1) return false;
  hooks.splice(i, 1);
  for (const k of Object.keys(kindIndex)) if (typeof hook[k] === 'function') fields[kindIndex[k]]--;
  fields[kTotals]--;
  return true;
}
function enabledHooks() { return hooks; }

// ---- helpers for resource creators ---------------------------------------------

// A one-shot request (FSREQCALLBACK, GETADDRINFOREQWRAP, WRITEWRAP...): the
// returned function runs cb in the request's context and then destroys it.
function wrapCallback(type, cb, trigger = getDefaultTriggerAsyncId(), resource) {
  const id = ++asyncIdCounter;
  const res = resource || { type };
  if (fields[kInit] > 0) callHooks('init', id, type, trigger, res);
  // The AsyncLocalStorage frame of the caller goes with the request, as it
  // does with Node's request wraps.
  const ac = require('internal/async_context');
  const frame = ac.capture();
  return function asyncRequestCallback(...args) {
    pushContext(id, trigger, res);
    if (fields[kBefore] > 0) callHooks('before', id);
    try {
      return ac.runInFrame(frame, cb, this, ...args);
    } finally {
      if (fields[kAfter] > 0) callHooks('after', id);
      popContext();
      if (fields[kDestroy] > 0) emitDestroy(id);
    }
  };
}

// A binding object whose functions take a completion callback last (fs):
// a copy where each such callback is a `type` request (wrapCallback).
function requestBinding(binding, type) {
  const out = {};
  for (const key of Object.keys(binding)) {
    const f = binding[key];
    if (typeof f !== 'function') {
      out[key] = f;
      continue;
    }
    out[key] = function(...args) {
      const i = args.length - 1;
      if (i >= 0 && typeof args[i] === 'function') args[i] = wrapCallback(type, args[i]);
      return Reflect.apply(f, binding, args);
    };
  }
  return out;
}

// Runs fn(...args) as a callback of an existing resource.
function runInResource(id, trigger, resource, fn, thisArg, args) {
  pushContext(id, trigger, resource);
  if (fields[kBefore] > 0) callHooks('before', id);
  try {
    // A handle's callbacks run in the AsyncLocalStorage frame it was made in.
    if (resource !== null && typeof resource === 'object' && kFrame in resource) {
      return require('internal/async_context').runInFrame(resource[kFrame], fn, thisArg, ...args);
    }
    return Reflect.apply(fn, thisArg, args);
  } finally {
    if (fields[kAfter] > 0) callHooks('after', id);
    popContext();
  }
}

// Gives a native handle made outside JavaScript (an accepted connection) or
// by `new` an async id and reports it.
const kFrame = Symbol('kAsyncContextFrame');

function initHandle(handle, type, trigger = getDefaultTriggerAsyncId(),
  frame = require('internal/async_context').capture()) {
  if (handle[async_id_symbol] !== undefined) return handle;
  handle[async_id_symbol] = ++asyncIdCounter;
  handle[trigger_async_id_symbol] = trigger;
  handle[kFrame] = frame;
  if (fields[kInit] > 0) callHooks('init', handle[async_id_symbol], type, trigger, handle);
  return handle;
}

function handleId(h) {
  return h[async_id_symbol] !== undefined ? h[async_id_symbol] : 0;
}

// Wraps the callback-taking methods of a libuv handle class of a binding
// (TCP, Pipe), once, on its prototype.  A handle gets its id when it is
// first used (connect, listen, readStart, write...; `new` is in C):
// type(handle, 'listen') names a listening one (TCPSERVERWRAP), other uses
// and accepted connections get type(handle, ...) otherwise; `connectType`
// names its connect requests.  Read and connection callbacks run in the
// handle's context, write/shutdown/connect callbacks in a request's; the
// handle is destroyed when closed.
const instrumented = new WeakSet();
function instrumentHandle(Class, typeOf, connectType) {
  if (instrumented.has(Class)) return Class;
  const proto = Class.prototype;
  const wrapMethod = (name, make) => {
    const orig = proto[name];
    if (typeof orig !== 'function') return;
    proto[name] = make(orig);
  };
  const ensure = (h, use) => (h[async_id_symbol] === undefined ? initHandle(h, typeOf(h, use)) : h);
  for (const name of ['readStart', 'listen']) {
    wrapMethod(name, (orig) => function(...args) {
      ensure(this, name);
      const i = args.length - 1;
      const cb = args[i];
      if (typeof cb === 'function') {
        const h = this;
        args[i] = function(...a) {
          // an accepted connection: a handle of the same class, made in C
          if (name === 'listen' && a[1] !== null && typeof a[1] === 'object') {
            initHandle(a[1], typeOf(a[1], 'accept'), h[async_id_symbol], h[kFrame]);
          }
          return runInResource(h[async_id_symbol], h[trigger_async_id_symbol], h, cb, this, a);
        };
      }
      return Reflect.apply(orig, this, args);
    });
  }
  // lazy (writes): as Node, a request is only made (and reported) when the
  // operation does not complete at once
  const request = (name, type, lazy) => wrapMethod(name, (orig) => function(...args) {
    ensure(this, name);
    const i = args.length - 1;
    const cb = args[i];
    if (typeof cb !== 'function') return Reflect.apply(orig, this, args);
    let id = 0;
    const trigger = this[async_id_symbol];
    const req = { type, handle: this };
    if (!lazy) {
      id = ++asyncIdCounter;
      if (fields[kInit] > 0) callHooks('init', id, type, trigger, req);
    }
    let called = false;
    args[i] = function(...a) {
      called = true;
      if (id === 0) return Reflect.apply(cb, this, a);
      pushContext(id, trigger, req);
      if (fields[kBefore] > 0) callHooks('before', id);
      try {
        return Reflect.apply(cb, this, a);
      } finally {
        if (fields[kAfter] > 0) callHooks('after', id);
        popContext();
        if (fields[kDestroy] > 0) emitDestroy(id);
      }
    };
    const r = Reflect.apply(orig, this, args);
    if (lazy) {
      if (!called && r === 0) {
        id = ++asyncIdCounter;
        if (fields[kInit] > 0) callHooks('init', id, type, trigger, req);
      }
    } else if (!called && typeof r === 'number' && r !== 0 && fields[kDestroy] > 0) {
      // failed (< 0) or done at once: no callback will come
      emitDestroy(id);
    }
    return r;
  });
  request('write', 'WRITEWRAP', true);
  request('shutdown', 'SHUTDOWNWRAP');
  if (connectType) request('connect', connectType);
  wrapMethod('close', (orig) => function(...args) {
    const h = this;
    const id = h[async_id_symbol];
    const i = args.length - 1;
    const cb = args[i];
    if (id !== undefined && typeof cb === 'function') {
      args[i] = function(...a) {
        try {
          return runInResource(id, h[trigger_async_id_symbol], h, cb, this, a);
        } finally {
          if (fields[kDestroy] > 0) emitDestroy(id);
        }
      };
    } else if (id !== undefined && fields[kDestroy] > 0) {
      emitDestroy(id);
    }
    return Reflect.apply(orig, this, args);
  });
  instrumented.add(Class);
  return Class;
}

// An HTTP parser's callbacks (onHeadersComplete, onBody, onMessageComplete,
// onExecute) run in one resource per parser, as Node's HTTPINCOMINGMESSAGE
// (server) and HTTPCLIENTREQUEST (client).  No destroy is reported for it.
function parserResource(parser, type, trigger = getDefaultTriggerAsyncId(), owner) {
  const id = ++asyncIdCounter;
  const resource = { type, owner };
  if (fields[kInit] > 0) callHooks('init', id, type, trigger, resource);
  for (const name of ['onHeadersComplete', 'onBody', 'onMessageComplete', 'onExecute']) {
    const fn = parser[name];
    if (typeof fn !== 'function') continue;
    parser[name] = function(...args) {
      return runInResource(id, trigger, resource, fn, this, args);
    };
  }
  return id;
}

// TCP and Pipe handles of the bindings, as Node types them.
function instrumentStreamHandles() {
  instrumentHandle(internalBinding('tcp_wrap').TCP,
    (h, use) => (use === 'listen' ? 'TCPSERVERWRAP' : 'TCPWRAP'), 'TCPCONNECTWRAP');
  instrumentHandle(internalBinding('pipe_wrap').Pipe,
    (h, use) => (use === 'listen' ? 'PIPESERVERWRAP' : 'PIPEWRAP'), 'PIPECONNECTWRAP');
}

module.exports = {
  async_id_symbol, trigger_async_id_symbol, topLevelResource,
  newAsyncId, executionAsyncId, triggerAsyncId, executionAsyncResource,
  getDefaultTriggerAsyncId, defaultTriggerAsyncIdScope,
  initHooksExist, destroyHooksExist, hooksExist,
  emitInit, emitBefore, emitAfter, emitDestroy, emitPromiseResolve,
  pushContext, popContext, clearAsyncIdStack, contextDepth, restoreContextDepth,
  enterTick, leaveTick,
  fields, kDestroy,
  enableHook, disableHook, enabledHooks,
  wrapCallback, requestBinding, runInResource, initHandle, handleId, instrumentHandle,
  instrumentStreamHandles, parserResource,
};
