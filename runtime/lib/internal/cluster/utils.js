'use strict';
// internal/cluster/utils — the messages between a cluster primary and its
// workers.  They travel over the IPC channel as internal messages
// ({ cmd: 'NODE_CLUSTER', act, seq, ... }: emitted as 'internalMessage',
// never seen by 'message' listeners), exactly as Node's, so a devrun-js
// primary can run node workers and the reverse.  A request carries a
// sequence number; the answer names it in `ack`, and internal() routes the
// answer to the callback given with the request.

const callbacks = new Map();
let seq = 0;

// Sends message (and handle, if any) to proc; cb(reply, handle) gets the
// answer.  false when the channel is closed.
function sendHelper(proc, message, handle, cb) {
  if (!proc.connected) return false;
  message = { cmd: 'NODE_CLUSTER', ...message, seq };
  if (typeof cb === 'function') callbacks.set(seq, cb);
  seq += 1;
  return proc.send(message, handle);
}

// An 'internalMessage' listener: answers go to their callbacks, everything
// else to cb; both are called with the worker as `this`.
function internal(worker, cb) {
  return function onInternalMessage(message, handle) {
    if (message.cmd !== 'NODE_CLUSTER') return;
    let fn = cb;
    if (message.ack !== undefined && callbacks.has(message.ack)) {
      fn = callbacks.get(message.ack);
      callbacks.delete(message.ack);
    }
    fn.call(worker, message, handle);
  };
}

module.exports = { sendHelper, internal };
