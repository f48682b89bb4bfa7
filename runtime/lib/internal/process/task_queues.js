'use strict';
// internal/process/task_queues — process.nextTick, queueMicrotask, and the
// tick callback C runs after every callback from the event loop:
// drain the nextTick queue, then microtasks, then report unhandled promise
// rejections; repeat until all are empty (Node's processTicksAndRejections).

const {
  tickInfo, setTickCallback, runMicrotasks, enqueueMicrotask,
} = internalBinding('task_queue');
const info = new Int32Array(tickInfo);
const kHasTickScheduled = 0;
const kHasRejectionToWarn = 1;

// A simple FIFO with an advancing head; compacts when half consumed.
let queue = [];
let head = 0;

function validateFunction(fn, name) {
  if (typeof fn !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'function', fn);
  }
}

let asyncContext;
function AC() { return asyncContext || (asyncContext = require('internal/async_context')); }
// async_hooks: TickObject and Microtask resources.
const H = require('internal/async_hooks');
const hookFields = H.fields;
const { kDestroy, enterTick, leaveTick } = H;

function nextTick(callback, ...args) {
  validateFunction(callback, 'callback');
  if (process._exiting) return;
  info[kHasTickScheduled] = 1;
  const frame = AC().capture();
  const asyncId = H.newAsyncId();
  const triggerAsyncId = H.getDefaultTriggerAsyncId();
  const tock = { callback, args: args.length ? args : undefined, frame, asyncId, triggerAsyncId };
  if (H.initHooksExist()) H.emitInit(asyncId, 'TickObject', triggerAsyncId, tock);
  queue.push(tock);
}

let rejections; // internal/process/promises, loaded on first rejection

function processTicksAndRejections() {
  // a callback that throws leaves its context pushed: unwound below
  const depth = H.contextDepth();
  H.pushContext(H.executionAsyncId(), H.triggerAsyncId(), H.executionAsyncResource());
  try {
    processTicks();
  } finally {
    H.restoreContextDepth(depth);
  }
}

function processTicks() {
  do {
    while (head < queue.length) {
      const tock = queue[head];
      queue[head++] = undefined;
      if (head > 1024 && head * 2 > queue.length) {
        queue = queue.slice(head);
        head = 0;
      }
      const { callback, args, frame, asyncId } = tock;
      enterTick(asyncId, tock.triggerAsyncId, tock);
      if (frame !== undefined) AC().runInFrame(frame, callback, undefined, ...(args || []));
      else if (args === undefined) callback();
      else callback(...args);
      if (hookFields[kDestroy] > 0) H.emitDestroy(asyncId);
      leaveTick(asyncId);
    }
    queue = [];
    head = 0;
    runMicrotasks();
  } while (head < queue.length || processRejections());
  info[kHasTickScheduled] = 0;
  info[kHasRejectionToWarn] = 0;
}

function processRejections() {
  if (!info[kHasRejectionToWarn]) return false;
  info[kHasRejectionToWarn] = 0;
  if (!rejections) rejections = require('internal/process/promises');
  return rejections.processPromiseRejections();
}

function setHasRejectionToWarn(v) { info[kHasRejectionToWarn] = v ? 1 : 0; }

function runMicrotask() {
  const callback = this;
  try {
    callback();
  } catch (error) {
    require('internal/process/execution').triggerUncaughtException(error, false);
  }
}

function queueMicrotask(callback) {
  validateFunction(callback, 'callback');
  const run = runMicrotask.bind(AC().bind(callback));
  const asyncId = H.newAsyncId();
  const triggerAsyncId = H.getDefaultTriggerAsyncId();
  const resource = { callback };
  if (H.initHooksExist()) H.emitInit(asyncId, 'Microtask', triggerAsyncId, resource);
  enqueueMicrotask(() => {
    H.emitBefore(asyncId, triggerAsyncId, resource);
    try {
      run();
    } finally {
      H.emitAfter(asyncId);
      if (H.destroyHooksExist()) H.emitDestroy(asyncId);
    }
  });
}

function setupTaskQueue() {
  setTickCallback(processTicksAndRejections);
}

module.exports = {
  nextTick, queueMicrotask, setupTaskQueue, processTicksAndRejections,
  setHasRejectionToWarn, runNextTicks() {
    if (head < queue.length || info[kHasRejectionToWarn]) processTicksAndRejections();
    else runMicrotasks();
  },
};
