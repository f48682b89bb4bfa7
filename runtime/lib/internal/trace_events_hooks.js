'use strict';
// internal/trace_events_hooks — what JavaScript records into the trace-event
// file (internalBinding('trace_events')): the file is written at exit, User
// Timing marks and measures go to node.perf.usertiming, async resources to
// node.async_hooks (as Node's lib/internal/trace_events_async_hooks.js).
// `state` says which are on; callers test it before doing any work, so a
// process without trace events pays one property read per mark.

const binding = internalBinding('trace_events');

const kUserTiming = 'node,node.perf,node.perf.usertiming';
const kAsyncHooks = 'node,node.async_hooks';
const state = { usertiming: false, asyncHooks: false };
let setUp = false;
let hook = null;
const typeMemory = new Map();

// Recomputes `state` after the set of enabled categories changed.
function refresh() {
  state.usertiming = binding.isEnabled(kUserTiming);
  state.asyncHooks = binding.isEnabled(kAsyncHooks);
  if (state.asyncHooks && !hook) {
    hook = require('async_hooks').createHook({
      init(asyncId, type, triggerAsyncId) {
        if (!state.asyncHooks) return;
        typeMemory.set(asyncId, type);
        binding.trace('b', kAsyncHooks, type, asyncId,
                      JSON.stringify({ triggerAsyncId, executionAsyncId: require('async_hooks').executionAsyncId() }));
      },
      before(asyncId) {
        const type = typeMemory.get(asyncId);
        if (type !== undefined && state.asyncHooks) binding.trace('b', kAsyncHooks, `${type}_CALLBACK`, asyncId);
      },
      after(asyncId) {
        const type = typeMemory.get(asyncId);
        if (type !== undefined && state.asyncHooks) binding.trace('e', kAsyncHooks, `${type}_CALLBACK`, asyncId);
      },
      destroy(asyncId) {
        const type = typeMemory.get(asyncId);
        if (type === undefined) return;
        typeMemory.delete(asyncId);
        if (state.asyncHooks) binding.trace('e', kAsyncHooks, type, asyncId);
      },
    });
    hook.enable();
  } else if (!state.asyncHooks && hook) {
    hook.disable();
    hook = null;
    typeMemory.clear();
  }
}

// Called once trace events are on (command line or trace_events.enable()).
function setup() {
  if (!setUp) {
    setUp = true;
    // One recorder per process: a worker's exit must not end it.
    if (require('worker_threads').isMainThread) process.on('exit', () => binding.stop());
  }
  refresh();
}

// performance.now() milliseconds -> the recorder's microseconds.
function toTs(startTime) {
  const { now } = require('internal/perf');
  return Math.round(binding.now() - (now() - startTime) * 1000);
}

let measureId = 0;
function mark(entry) {
  binding.trace('R', kUserTiming, entry.name, undefined, undefined, toTs(entry.startTime));
}
function measure(entry) {
  const id = ++measureId;
  binding.trace('b', kUserTiming, entry.name, id, undefined, toTs(entry.startTime));
  binding.trace('e', kUserTiming, entry.name, id, undefined, toTs(entry.startTime + entry.duration));
}

// A worker thread starts with the process's categories: its marks are
// recorded without it loading trace_events (async_hooks only once it does).
state.usertiming = binding.isEnabled(kUserTiming);

module.exports = { state, setup, refresh, mark, measure };
