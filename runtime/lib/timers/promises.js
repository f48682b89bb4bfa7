'use strict';
// timers/promises — promise versions of the timers, with AbortSignal support
// and the setInterval async iterator.

const { Timeout, Immediate, clearTimeout, clearImmediate } = require('internal/timers');

function lazyErrors() { return require('internal/errors'); }

function abortError(signal) {
  const { AbortError } = lazyErrors();
  return new AbortError(undefined, { cause: signal.reason });
}

function validateOptions(options) {
  const { codes } = lazyErrors();
  if (options === null || typeof options !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  const { signal, ref = true } = options;
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', signal);
  }
  if (typeof ref !== 'boolean') throw new codes.ERR_INVALID_ARG_TYPE('options.ref', 'boolean', ref);
  return { signal, ref };
}

function setTimeout(after, value, options = {}) {
  let signal, ref;
  try { ({ signal, ref } = validateOptions(options)); } catch (e) { return Promise.reject(e); }
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    let onAbort;
    const t = new Timeout(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    }, after, undefined, false, ref);
    if (signal) {
      onAbort = () => { clearTimeout(t); reject(abortError(signal)); };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

function setImmediate(value, options = {}) {
  let signal, ref;
  try { ({ signal, ref } = validateOptions(options)); } catch (e) { return Promise.reject(e); }
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    let onAbort;
    const imm = new Immediate(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    }, undefined);
    if (!ref) imm.unref();
    if (signal) {
      onAbort = () => { clearImmediate(imm); reject(abortError(signal)); };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

async function* setInterval(after, value, options = {}) {
  const { signal, ref } = validateOptions(options);
  if (signal?.aborted) throw abortError(signal);
  let notYielded = 0;
  let wake = null;
  let onAbort;
  const t = new Timeout(() => {
    notYielded++;
    if (wake) { wake(); wake = null; }
  }, after, undefined, true, ref);
  if (signal) {
    onAbort = () => { clearTimeout(t); if (wake) { wake(); wake = null; } };
    signal.addEventListener('abort', onAbort, { once: true });
  }
  try {
    while (!signal?.aborted) {
      if (notYielded === 0) await new Promise((r) => { wake = r; });
      for (; notYielded > 0; notYielded--) yield value;
    }
    throw abortError(signal);
  } finally {
    clearTimeout(t);
    signal?.removeEventListener('abort', onAbort);
  }
}

const scheduler = {
  wait(delay, options) { return setTimeout(delay, undefined, options); },
  yield() { return setImmediate(); },
};

module.exports = { setTimeout, setImmediate, setInterval, scheduler };
