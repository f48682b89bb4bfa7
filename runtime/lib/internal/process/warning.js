'use strict';
// internal/process/warning — process.emitWarning and the default printer:
// "(node:PID) [CODE] Type: message" on stderr, with the --trace-warnings
// hint after the first one; --no-warnings and --no-deprecation silence them.

let traceHintShown = false;
let listenerInstalled = false;

function onWarning(warning) {
  if (!(warning instanceof Error)) return;
  const argv = process.execArgv;
  if (argv.includes('--no-warnings')) return;
  if (warning.name === 'DeprecationWarning' && (process.noDeprecation || argv.includes('--no-deprecation'))) return;
  const trace = argv.includes('--trace-warnings') ||
    (warning.name === 'DeprecationWarning' && (process.traceDeprecation || argv.includes('--trace-deprecation')));
  let msg = `(node:${process.pid}) `;
  if (warning.code) msg += `[${warning.code}] `;
  if (trace && warning.stack) msg += warning.stack;
  else msg += `${warning.name}: ${warning.message}`;
  if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
  if (!trace && !traceHintShown) {
    traceHintShown = true;
    const flag = warning.name === 'DeprecationWarning' ? '--trace-deprecation' : '--trace-warnings';
    msg += `\n(Use \`node ${flag} ...\` to show where the warning was created)`;
  }
  process.stderr.write(`${msg}\n`);
}

function createWarning(warning, type, code, ctor) {
  const err = new Error(warning);
  err.name = String(type || 'Warning');
  if (code !== undefined) err.code = code;
  if (Error.captureStackTrace) Error.captureStackTrace(err, ctor || emitWarning);
  return err;
}

function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type; code = undefined; type = 'Warning';
  }
  if (type !== undefined && typeof type !== 'string') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('type', 'string', type);
  }
  if (typeof code === 'function') { ctor = code; code = undefined; }
  if (typeof warning === 'string') {
    warning = createWarning(warning, type, code, ctor);
  } else if (!(warning instanceof Error)) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (detail !== undefined) warning.detail = detail;
  if (warning.name === 'DeprecationWarning' && process.noDeprecation) return;
  if (warning.name === 'DeprecationWarning' && process.throwDeprecation) throw warning;
  if (!listenerInstalled) {
    listenerInstalled = true;
    process.on('warning', onWarning);
  }
  process.nextTick(() => process.emit('warning', warning));
}

module.exports = { emitWarning, onWarning };
