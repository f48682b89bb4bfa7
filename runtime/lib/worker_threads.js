'use strict';
// worker_threads — threads with their own isolate and event loop, and the
// messaging between them (see internal/worker, internal/worker/io and
// runtime/src/binding_worker.c, binding_messaging.c; docs/runtime-core-ii.md).

const state = require('internal/worker/state');
const { Worker, SHARE_ENV } = require('internal/worker');
const {
  MessagePort, MessageChannel, BroadcastChannel, receiveMessageOnPort, moveMessagePortToContext,
} = require('internal/worker/io');

const untransferable = new WeakSet();

function markAsUntransferable(obj) {
  if ((typeof obj === 'object' && obj !== null) || typeof obj === 'function') untransferable.add(obj);
}

function isMarkedAsUntransferable(obj) {
  return (typeof obj === 'object' && obj !== null) || typeof obj === 'function' ?
    untransferable.has(obj) : false;
}

function setEnvironmentData(key, value) {
  if (value === undefined) state.environmentData.delete(key);
  else state.environmentData.set(key, value);
}

function getEnvironmentData(key) {
  return state.environmentData.get(key);
}

module.exports = {
  isMainThread: state.isMainThread,
  MessagePort,
  MessageChannel,
  markAsUntransferable,
  isMarkedAsUntransferable,
  moveMessagePortToContext,
  receiveMessageOnPort,
  resourceLimits: state.resourceLimits,
  threadId: state.threadId,
  SHARE_ENV,
  Worker,
  parentPort: state.parentPort,
  workerData: state.workerData,
  BroadcastChannel,
  setEnvironmentData,
  getEnvironmentData,
};
