'use strict';
// timers — setTimeout, setInterval, setImmediate and their clear* functions
// (the scheduling lives in internal/timers).

const {
  Timeout, Immediate, clearTimeout: clear, clearImmediate, trackTimer,
} = require('internal/timers');

function validateCallback(callback) {
  if (typeof callback !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'function', callback);
  }
}

function setTimeout(callback, after, ...args) {
  validateCallback(callback);
  const t = new Timeout(callback, after, args.length ? args : undefined, false, true);
  trackTimer(t);
  return t;
}

function setInterval(callback, repeat, ...args) {
  validateCallback(callback);
  const t = new Timeout(callback, repeat, args.length ? args : undefined, true, true);
  trackTimer(t);
  return t;
}

function setImmediate(callback, ...args) {
  validateCallback(callback);
  return new Immediate(callback, args.length ? args : undefined);
}

function clearTimeout(timer) { clear(timer); }
function clearInterval(timer) { clear(timer); }

Object.defineProperty(setTimeout, Symbol.for('nodejs.util.promisify.custom'), {
  enumerable: true, get() { return require('timers/promises').setTimeout; },
});
Object.defineProperty(setImmediate, Symbol.for('nodejs.util.promisify.custom'), {
  enumerable: true, get() { return require('timers/promises').setImmediate; },
});

module.exports = {
  setTimeout, setInterval, setImmediate, clearTimeout, clearInterval, clearImmediate,
  get promises() { return require('timers/promises'); },
};
