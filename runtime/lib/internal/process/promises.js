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

let rejectionId = 0;

function warnUnhandled(reason) {
  const id = ++rejectionId;
  let text;
  try {
    text = reason instanceof Error && reason.stack ? reason.stack : require('internal/util/inspect').inspect(reason);
  } catch { text = String(reason); }
  const w = new Error(text);
  w.name = 'UnhandledPromiseRejectionWarning';
  process.emitWarning(w);
  const w2 = new Error('Unhandled promise rejection. This error originated either by throwing ' +
    'inside of an async function without a catch block, or by rejecting a promise which was not ' +
    'handled with .catch(). To terminate the node process on unhandled promise rejection, use the ' +
    'CLI flag `--unhandled-rejections=strict` (see ' +
    `https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). (rejection id: ${id})`);
  w2.name = 'UnhandledPromiseRejectionWarning';
  process.emitWarning(w2);
}

function fatal(reason) {
  const err = (reason instanceof Error) ? reason : new UnhandledPromiseRejection(reason);
  require('internal/process/execution').triggerUncaughtException(err, true);
}

// The modes of --unhandled-rejections (Node 15+ default: throw).
function modeOf() {
  const flag = process.execArgv.find((a) => a.startsWith('--unhandled-rejections='));
  return flag ? flag.slice('--unhandled-rejections='.length) : 'throw';
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
      hadAny = true;
      switch (modeOf()) {
        case 'strict':
          // raised first; if an 'uncaughtException' listener handled it,
          // 'unhandledRejection' follows
          fatal(reason);
          process.emit('unhandledRejection', reason, promise);
          break;
        case 'warn':
          if (!process.emit('unhandledRejection', reason, promise)) warnUnhandled(reason);
          break;
        case 'warn-with-error-code':
          if (!process.emit('unhandledRejection', reason, promise)) {
            warnUnhandled(reason);
            process.exitCode = 1;
          }
          break;
        case 'none':
          process.emit('unhandledRejection', reason, promise);
          break;
        default: // throw
          if (!process.emit('unhandledRejection', reason, promise)) fatal(reason);
      }
    }
  }
  return hadAny;
}

module.exports = { promiseRejectHandler, processPromiseRejections };
