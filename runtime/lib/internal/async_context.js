'use strict';
// internal/async_context — the current async context frame, the state that
// AsyncLocalStorage reads.  A frame is `undefined` (no stores) or a frozen
// Map from AsyncLocalStorage instance to its store.  The frame lives in V8's
// continuation-preserved embedder data (internalBinding('async_context')),
// which V8 captures when a promise reaction is created and restores while it
// runs: `await` and `.then()` propagate the context with no JavaScript work.
//
// Everything else that defers a callback must carry the frame itself.  The
// hook API for the places that schedule callbacks (timers, immediates,
// nextTick, queueMicrotask, native completion callbacks):
//
//   const ac = require('internal/async_context');
//   const frame = ac.capture();           // when scheduling; undefined while
//                                         // no AsyncLocalStorage/AsyncResource
//                                         // was ever created (no cost then)
//   ac.runInFrame(frame, fn, thisArg, ...args)   // when running it
//   ac.bind(fn)                           // both at once (returns fn itself
//                                         // when there is nothing to carry)
//
// runInFrame(undefined, ...) simply calls fn when no frame is active, so a
// caller may always use it; a hot path can test `frame === undefined`.

const binding = internalBinding('async_context');
const { getContinuationData, setContinuationData } = binding;

let active = false; // set once the first store or resource exists

function activate() { active = true; }

function current() {
  return active ? getContinuationData() : undefined;
}

function capture() {
  return active ? getContinuationData() : undefined;
}

function set(frame) {
  setContinuationData(frame);
}

function runInFrame(frame, fn, thisArg, ...args) {
  if (!active) return Reflect.apply(fn, thisArg, args);
  const prev = getContinuationData();
  setContinuationData(frame);
  try {
    return Reflect.apply(fn, thisArg, args);
  } finally {
    setContinuationData(prev);
  }
}

function bind(fn) {
  if (!active) return fn;
  const frame = getContinuationData();
  if (frame === undefined) return fn;
  return function bound(...args) {
    return runInFrame(frame, fn, this, ...args);
  };
}

// A new frame: `frame` with storage -> store (or without it when remove).
function withStore(frame, storage, store, remove = false) {
  const m = new Map(frame);
  if (remove) m.delete(storage);
  else m.set(storage, store);
  return m.size === 0 ? undefined : Object.freeze(m);
}

module.exports = { activate, current, capture, set, runInFrame, bind, withStore };
