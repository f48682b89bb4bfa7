'use strict';
// internal/process/execution — what happens to an exception nobody caught:
// 'uncaughtExceptionMonitor' and 'uncaughtException' listeners get it, and
// without listeners it is printed as Node prints it (the source line with a
// caret, the stack or the inspected value, the runtime's version) and the
// process exits with 1 after the 'exit' event.  C calls fatalException()
// for exceptions that escape a callback; JavaScript calls
// triggerUncaughtException() for those it catches itself (microtasks,
// promise rejections).

const { setFatalHandler, messageInfo } = internalBinding('errors');
const { reallyExit } = internalBinding('process_methods');
const stdio = internalBinding('stdio');

let handlingFatal = false;

function arrowFor(info) {
  if (!info || info.sourceLine === undefined || !info.resourceName) return '';
  const line = info.sourceLine;
  const start = info.startColumn | 0;
  let end = info.endColumn | 0;
  if (end <= start) end = start + 1;
  let pad = '';
  for (let i = 0; i < start; i++) pad += line[i] === '\t' ? '\t' : ' ';
  return `${info.resourceName}:${info.lineNumber}\n${line}\n${pad}${'^'.repeat(end - start)}\n`;
}

function formatError(err) {
  const { inspect } = require('internal/util/inspect');
  try {
    if (err !== null && typeof err === 'object' && err instanceof Error) {
      return inspect(err, { colors: false });
    }
    if (typeof err === 'string') return err;
    return inspect(err, { colors: false });
  } catch {
    try { return String(err); } catch { return '[unprintable exception]'; }
  }
}

function printFatal(err, info, fromPromise, decorated) {
  let out = arrowFor(info);
  const isError = err !== null && typeof err === 'object' && err instanceof Error;
  if (isError) {
    // An arrow remembered on the error (module link/compile errors) is part
    // of the error's stack in Node: no blank line after it.
    out += (out && !decorated ? '\n' : '') + formatError(err) + '\n';
  } else {
    out = (out ? '\n' : '') + out + formatError(err) + '\n';
    if (!fromPromise) out += '(Use `node --trace-uncaught ...` to show where the exception was thrown)\n';
  }
  out += `\nNode.js ${process.version}\n`;
  stdio.writeString(2, out);
}

function hasUserListeners() {
  return typeof process.listenerCount === 'function' && process.listenerCount('uncaughtException') > 0;
}

// Returns true when handled; otherwise the exit code (never returns then,
// normally: it runs 'exit' listeners and exits).
const { getHiddenValue } = internalBinding('util');

function fatalException(err, info, fromPromise = false) {
  let decorated = false;
  if (err !== null && typeof err === 'object') {
    const remembered = getHiddenValue(err, 'arrowInfo');
    if (remembered !== undefined) { info = remembered; decorated = !remembered.plain; }
  }
  const origin = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  if (typeof process._captureCallback === 'function' && !handlingFatal) {
    process._captureCallback(err);
    return true;
  }
  if (!handlingFatal && hasUserListeners()) {
    process.emit('uncaughtExceptionMonitor', err, origin);
    process.emit('uncaughtException', err, origin);
    return true;
  }
  if (handlingFatal) {
    printFatal(err, info, fromPromise, decorated);
    reallyExit(7);
  }
  handlingFatal = true;
  if (!internalBinding('worker').isMainThread) return workerFatal(err, info, origin, decorated);
  if (typeof process.emit === 'function') {
    try { process.emit('uncaughtExceptionMonitor', err, origin); } catch {}
  }
  printFatal(err, info, fromPromise, decorated);
  process.exitCode = 1;
  try {
    if (!process._exitEmitted) {
      process._exiting = true;
      process._exitEmitted = true;
      process.emit('exit', 1);
    }
  } catch (e) {
    printFatal(e, messageInfo(e), false);
    reallyExit(7);
  }
  reallyExit(process.exitCode === undefined ? 1 : (process.exitCode | 0) || 1);
  return 1;
}

function serializeWorkerError(err) {
  const props = {};
  for (const k of Object.keys(err)) {
    try {
      const v = err[k];
      internalBinding('serdes').serialize(v);
      props[k] = v;
    } catch {}
  }
  let name;
  try { name = err.name; } catch {}
  return { __workerError: true, name: typeof name === 'string' ? name : 'Error',
    message: `${err.message}`, stack: `${err.stack}`, props };
}

// In a worker the exception goes to the parent ('error' on the Worker),
// with the source arrow in its stack as Node puts it there, and the worker
// ends with code 1.
function workerFatal(err, info, origin, decorated) {
  try { process.emit('uncaughtExceptionMonitor', err, origin); } catch {}
  const isError = err !== null && typeof err === 'object' && err instanceof Error;
  if (isError && !decorated) {
    const arrow = arrowFor(info);
    try {
      if (arrow && typeof err.stack === 'string') err.stack = `${arrow}\n${err.stack}`;
    } catch {}
  }
  let fallback;
  try { fallback = String(err); } catch { fallback = '[unprintable exception]'; }
  internalBinding('worker').reportError(isError ? serializeWorkerError(err) : err, fallback);
  process.exitCode = 1;
  try {
    if (!process._exitEmitted) {
      process._exiting = true;
      process._exitEmitted = true;
      process.emit('exit', 1);
    }
  } catch {}
  reallyExit(process.exitCode === undefined ? 1 : (process.exitCode | 0) || 1);
  return 1;
}

function triggerUncaughtException(err, fromPromise) {
  const info = (err !== null && typeof err === 'object') ? messageInfo(err) : undefined;
  fatalException(err, info, fromPromise);
}

function setup() {
  setFatalHandler((err, info) => fatalException(err, info, false));
  Object.defineProperty(process, '_printFatal', {
    value: (err, info) => {
      const remembered = err !== null && typeof err === 'object' ? getHiddenValue(err, 'arrowInfo') : undefined;
      printFatal(err, remembered || info, false, remembered !== undefined && !remembered.plain);
    },
    enumerable: false,
  });
}

module.exports = { setup, fatalException, triggerUncaughtException, printFatal };
