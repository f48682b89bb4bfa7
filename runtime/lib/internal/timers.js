'use strict';
// internal/timers — setTimeout/setInterval/setImmediate on one libuv timer
// and the check phase (see runtime/src/binding_timers.c).
//
// Timers live in a binary heap ordered by (expiry, insertion order); C arms
// a single uv timer for the earliest.  processTimers(now) runs every due
// timer, draining nextTicks and microtasks after each (as Node >= 11), and
// returns the next expiry: positive if any ref'd timer remains, negative if
// only unref'd ones do, 0 if none.  Immediates are a FIFO run in the check
// phase; those added while running wait for the next iteration.

const binding = internalBinding('timers');
const { scheduleTimer, toggleTimerRef, toggleImmediateRef, getLibuvNow } = binding;
const immediateInfo = new Uint32Array(binding.immediateInfo);
const kCount = 0;
const kRefCount = 1;

const TIMEOUT_MAX = 2 ** 31 - 1;
// AsyncLocalStorage context carried from scheduling to running (see
// internal/async_context; capture() is undefined until a store exists).
let asyncContext;
function AC() { return asyncContext || (asyncContext = require('internal/async_context')); }
// async_hooks: Timeout and Immediate resources (ids, init/before/after/destroy).
const H = require('internal/async_hooks');
const { async_id_symbol, trigger_async_id_symbol } = H;
const kRefed = Symbol('refed');
let seq = 0;
let refCount = 0;
let nextExpiry = Infinity;
let timerListId = 1;

// ---- binary heap -----------------------------------------------------------
const heap = [];
function less(a, b) { return a._expiry < b._expiry || (a._expiry === b._expiry && a._seq < b._seq); }
function up(i) {
  const t = heap[i];
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!less(t, heap[p])) break;
    heap[i] = heap[p]; heap[i]._heapIndex = i; i = p;
  }
  heap[i] = t; t._heapIndex = i;
}
function down(i) {
  const t = heap[i];
  const n = heap.length;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && less(heap[c + 1], heap[c])) c++;
    if (!less(heap[c], t)) break;
    heap[i] = heap[c]; heap[i]._heapIndex = i; i = c;
  }
  heap[i] = t; t._heapIndex = i;
}
function heapInsert(t) { heap.push(t); up(heap.length - 1); }
function heapRemove(t) {
  const i = t._heapIndex;
  if (i === -1 || heap[i] !== t) return;
  const last = heap.pop();
  if (last !== t) { heap[i] = last; last._heapIndex = i; up(i); down(last._heapIndex); }
  t._heapIndex = -1;
}

function arm() {
  if (heap.length === 0) { nextExpiry = Infinity; return; }
  const first = heap[0]._expiry;
  if (first !== nextExpiry) {
    nextExpiry = first;
    scheduleTimer(Math.max(1, first - getLibuvNow()));
  }
  toggleTimerRef(refCount > 0);
}

class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after *= 1;
    if (!(after >= 1 && after <= TIMEOUT_MAX)) {
      if (after > TIMEOUT_MAX) {
        process.emitWarning(`${after} does not fit into a 32-bit signed integer.` +
          '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
      }
      after = 1;
    }
    this._idleTimeout = after;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    this._heapIndex = -1;
    this[kRefed] = isRefed;
    this._id = timerListId++;
    this._asyncFrame = AC().capture();
    this[async_id_symbol] = H.newAsyncId();
    this[trigger_async_id_symbol] = H.getDefaultTriggerAsyncId();
    if (H.initHooksExist()) H.emitInit(this[async_id_symbol], 'Timeout', this[trigger_async_id_symbol], this);
    if (isRefed) refCount++;
    insert(this);
  }
  refresh() {
    if (!this._destroyed) { heapRemove(this); insert(this); }
    return this;
  }
  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) { refCount--; toggleTimerRef(refCount > 0); }
    }
    return this;
  }
  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) { refCount++; toggleTimerRef(refCount > 0); }
    }
    return this;
  }
  hasRef() { return this[kRefed]; }
  close() { clearTimeout(this); return this; }
  [Symbol.toPrimitive]() { return this._id; }
}

const knownTimersById = { __proto__: null };

function insert(t) {
  t._expiry = getLibuvNow() + t._idleTimeout;
  t._seq = seq++;
  heapInsert(t);
  arm();
}

function unenroll(t) {
  if (t._destroyed) return;
  t._destroyed = true;
  if (H.destroyHooksExist()) H.emitDestroy(t[async_id_symbol]);
  if (t[kRefed]) refCount--;
  heapRemove(t);
  delete knownTimersById[t._id];
  if (heap.length === 0) { nextExpiry = Infinity; toggleTimerRef(false); }
  else toggleTimerRef(refCount > 0);
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    timer._onTimeout = null;
    unenroll(timer);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const t = knownTimersById[timer];
    if (t !== undefined) { t._onTimeout = null; unenroll(t); }
  }
}

let runNextTicks;

function processTimers(now) {
  nextExpiry = Infinity;
  if (!runNextTicks) runNextTicks = require('internal/process/task_queues').runNextTicks;
  let ranAny = false;
  while (heap.length > 0) {
    const t = heap[0];
    // Only timers due at the time this phase started run now (as Node): a
    // timer set from a callback waits for the next timers phase, after the
    // check phase (immediates).
    if (t._expiry > now) break;
    heapRemove(t);
    if (ranAny) runNextTicks();
    ranAny = true;
    if (t._destroyed) continue;
    const cb = t._onTimeout;
    if (typeof cb !== 'function') { unenroll(t); continue; }
    H.emitBefore(t[async_id_symbol], t[trigger_async_id_symbol], t);
    let threw = true;
    try {
      const args = t._timerArgs;
      if (t._asyncFrame !== undefined) AC().runInFrame(t._asyncFrame, cb, t, ...(args || []));
      else if (args === undefined) cb.call(t);
      else cb.apply(t, args);
      threw = false;
    } finally {
      H.emitAfter(t[async_id_symbol]);
      if (t._repeat && t._onTimeout && !t._destroyed) {
        t._idleTimeout = t._repeat;
        t._expiry = getLibuvNow() + t._repeat;
        t._seq = seq++;
        if (t._heapIndex === -1) heapInsert(t);
      } else if (t._heapIndex === -1 && !t._destroyed) {
        // not refreshed from inside the callback: done
        t._destroyed = true;
        if (H.destroyHooksExist()) H.emitDestroy(t[async_id_symbol]);
        if (t[kRefed]) refCount--;
        delete knownTimersById[t._id];
      }
      if (threw) {
        // rearm before the exception propagates to the uncaught handler
        armAfterThrow();
      }
    }
  }
  if (heap.length === 0) return 0;
  nextExpiry = heap[0]._expiry;
  return refCount > 0 ? nextExpiry : -nextExpiry;
}

function armAfterThrow() {
  nextExpiry = Infinity;
  if (heap.length) { arm(); }
}

// ---- immediates -------------------------------------------------------------
const kImmRefed = Symbol('refed');
let immHead = null;
let immTail = null;

class Immediate {
  // internal: an unref'd immediate of the runtime itself, not reported to
  // async hooks (internal/async_hooks runs destroy hooks with one)
  constructor(callback, args, internal) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._asyncFrame = AC().capture();
    this._destroyed = false;
    this[kImmRefed] = false;
    if (internal === true) {
      this[async_id_symbol] = 0;
    } else {
      this[async_id_symbol] = H.newAsyncId();
      this[trigger_async_id_symbol] = H.getDefaultTriggerAsyncId();
      if (H.initHooksExist()) H.emitInit(this[async_id_symbol], 'Immediate', this[trigger_async_id_symbol], this);
      this.ref();
    }
    immediateInfo[kCount]++;
    if (immTail === null) { immHead = immTail = this; }
    else { immTail._idleNext = this; this._idlePrev = immTail; immTail = this; }
  }
  ref() {
    if (this[kImmRefed] === false) {
      this[kImmRefed] = true;
      if (immediateInfo[kRefCount]++ === 0) toggleImmediateRef(true);
    }
    return this;
  }
  unref() {
    if (this[kImmRefed] === true) {
      this[kImmRefed] = false;
      if (--immediateInfo[kRefCount] === 0) toggleImmediateRef(false);
    }
    return this;
  }
  hasRef() { return !!this[kImmRefed]; }
}

function removeImmediate(imm) {
  if (imm._idlePrev) imm._idlePrev._idleNext = imm._idleNext; else if (immHead === imm) immHead = imm._idleNext;
  if (imm._idleNext) imm._idleNext._idlePrev = imm._idlePrev; else if (immTail === imm) immTail = imm._idlePrev;
  imm._idleNext = imm._idlePrev = null;
}

function clearImmediate(imm) {
  if (!imm || imm._destroyed || !(imm instanceof Immediate)) return;
  immediateInfo[kCount]--;
  imm._destroyed = true;
  if (imm[async_id_symbol] !== 0 && H.destroyHooksExist()) H.emitDestroy(imm[async_id_symbol]);
  if (imm[kImmRefed] && --immediateInfo[kRefCount] === 0) toggleImmediateRef(false);
  imm[kImmRefed] = null;
  imm._onImmediate = null;
  removeImmediate(imm);
}

function processImmediate() {
  if (!runNextTicks) runNextTicks = require('internal/process/task_queues').runNextTicks;
  // Run only the immediates queued before this pass; new ones wait for the
  // next loop iteration.  Detach them first so clearImmediate() on one of
  // them only marks it destroyed.
  const list = [];
  for (let i = immHead; i !== null; i = i._idleNext) list.push(i);
  for (const imm of list) imm._idleNext = imm._idlePrev = null;
  immHead = immTail = null;
  let ranAny = false;
  for (let k = 0; k < list.length; k++) {
    const imm = list[k];
    if (imm._destroyed) continue;
    if (ranAny) runNextTicks();
    ranAny = true;
    if (imm._destroyed) continue;
    imm._destroyed = true;
    immediateInfo[kCount]--;
    if (imm[kImmRefed] && --immediateInfo[kRefCount] === 0) toggleImmediateRef(false);
    imm[kImmRefed] = null;
    const cb = imm._onImmediate;
    const asyncId = imm[async_id_symbol];
    if (asyncId !== 0) H.emitBefore(asyncId, imm[trigger_async_id_symbol], imm);
    try {
      if (imm._asyncFrame !== undefined) AC().runInFrame(imm._asyncFrame, cb, undefined, ...(imm._argv || []));
      else if (imm._argv === undefined) cb();
      else cb(...imm._argv);
    } catch (e) {
      requeueFront(list.slice(k + 1).filter((x) => !x._destroyed));
      throw e;
    } finally {
      if (asyncId !== 0) {
        H.emitAfter(asyncId);
        if (H.destroyHooksExist()) H.emitDestroy(asyncId);
      }
    }
  }
}

function requeueFront(items) {
  if (items.length === 0) return;
  for (let i = 0; i < items.length; i++) {
    items[i]._idlePrev = i > 0 ? items[i - 1] : null;
    items[i]._idleNext = i + 1 < items.length ? items[i + 1] : null;
  }
  const last = items[items.length - 1];
  last._idleNext = immHead;
  if (immHead) immHead._idlePrev = last; else immTail = last;
  immHead = items[0];
}

binding.setupTimers(processImmediate, processTimers);

function getTimerById(id) { return knownTimersById[id]; }
// first in the next check phase, as Node's native immediates
function internalImmediate(fn) {
  const imm = new Immediate(fn, undefined, true);
  removeImmediate(imm);
  requeueFront([imm]);
  return imm;
}
function trackTimer(t) { knownTimersById[t._id] = t; }

module.exports = {
  Timeout, Immediate, clearTimeout, clearImmediate, unenroll, trackTimer, getTimerById, internalImmediate,
  TIMEOUT_MAX, kRefed,
};
