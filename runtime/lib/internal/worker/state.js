'use strict';
// internal/worker/state — what worker_threads reports about the calling
// thread: isMainThread, threadId, and in a worker its parentPort, workerData
// and resourceLimits (set by internal/main/worker before the worker's code
// runs), plus the environment data inherited by workers it starts.

const binding = internalBinding('worker');

module.exports = {
  isMainThread: binding.isMainThread,
  threadId: binding.threadId,
  parentPort: null,
  workerData: null,
  resourceLimits: {},
  environmentData: new Map(),
};
