'use strict';
// internal/process/promises — unhandled-rejection tracking (Node 15+ default
// mode "throw"): a rejection with no handler by the time the microtask queue
// drains is emitted as 'unhandledRejection', or, without listeners, raised as
// an uncaught exception (fatal).  A handler added later emits
// 'rejectionHandled'.

const { setHasRejectionToWarn } = require('internal/process/task_queues');

const maybeUnhandled = new WeakMap();
let pending = [];
let asyncHandled = [];
const kNoHandler = 0;
const kHandlerAdded = 1;

function promiseRejectHandler(type, promise, reason) {
  if (type === kNoHandler) {
    maybeUnhandled.set(promise, { reason, warned: false });
    pending.push(promise);
    setHasRejectionToWarn(true);
  } else if (type === kHandlerAdded) {
    const info = maybeUnhandled.get(promise);
    if (info !== undefined) {
      maybeUnhandled.delete(promise);
      if (info.warned) {
        asyncHandled.push(promise);
        setHasRejectionToWarn(true);
      }
    }
  }
}

class UnhandledPromiseRejection extends Error {
  code = 'ERR_UNHANDLED_REJECTION';
  constructor(reason) {
    let s;
    try { s = require('internal/util/inspect').inspect(reason); } catch { s = String(reason); }
    if (typeof reason === 'string') s = reason;
    super('This error originated either by throwing inside of an async function without a ' +
          'catch block, or by rejecting a promise which was not handled with .catch(). The ' +
          `promise rejected with the reason "${s}".`);
    this.name = 'UnhandledPromiseRejection';
  }
}

function processPromiseRejections() {
  let hadAny = false;
  while (asyncHandled.length > 0) {
    const list = asyncHandled;
    asyncHandled = [];
    for (const promise of list) process.emit('rejectionHandled', promise);
    hadAny = true;
  }
  while (pending.length > 0) {
    const list = pending;
    pending = [];
    for (const promise of list) {
      const info = maybeUnhandled.get(promise);
      if (info === undefined) continue;
      info.warned = true;
      const { reason } = info;
      const mode = process.execArgv.find((a) => a.startsWith('--unhandled-rejections='));
      const handled = process.emit('unhandledRejection', reason, promise);
      if (handled) { hadAny = true; continue; }
      if (mode === '--unhandled-rejections=warn' || mode === '--unhandled-rejections=none') continue;
      const err = (reason instanceof Error) ? reason : new UnhandledPromiseRejection(reason);
      require('internal/process/execution').triggerUncaughtException(err, true);
      hadAny = true;
    }
  }
  return hadAny;
}

module.exports = { promiseRejectHandler, processPromiseRejections };
