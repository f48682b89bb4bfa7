'use strict';
// internal/cluster/child — `cluster` in a worker (a process forked by a
// cluster primary: NODE_UNIQUE_ID is set).  _setupWorker() runs at start-up
// (from the IPC channel set-up, before the program) and says 'online' to the
// primary.  net.Server.listen() in a worker calls _getServer(), which asks
// the primary for the socket ('queryServer') and gets either
//   - a shared handle (SCHED_NONE): a bound socket the worker listens on, or
//   - nothing (SCHED_RR): the worker's server gets a stand-in handle and the
//     primary sends each connection as { act: 'newconn' } with the socket.
// A worker whose channel closes without disconnect() exits.

const EventEmitter = require('events');
const path = require('path');
const Worker = require('internal/cluster/worker');
const { internal, sendHelper } = require('internal/cluster/utils');

const cluster = new EventEmitter();
const handles = new Map(); // key -> the handle of a server of this worker
const indexes = new Map(); // address:port:type:fd -> { nextIndex, set }
const kOwner = Symbol('cluster server');
const kMaxInterval = 2 ** 31 - 1;

cluster.isWorker = true;
cluster.isMaster = false;
cluster.isPrimary = false;
cluster.worker = null;
cluster.Worker = Worker;

function send(message, cb) {
  return sendHelper(process, message, null, cb);
}

cluster._setupWorker = function _setupWorker() {
  const worker = new Worker({ id: +process.env.NODE_UNIQUE_ID | 0, process, state: 'online' });
  cluster.worker = worker;
  process.once('disconnect', () => {
    worker.emit('disconnect');
    // the primary went away, or closed the channel without asking
    if (!worker.exitedAfterDisconnect) process.exit(0);
  });
  process.on('internalMessage', internal(worker, (message, handle) => {
    if (message.act === 'newconn') onconnection(message, handle);
    else if (message.act === 'disconnect') disconnectWorker.call(worker, true);
  }));
  send({ act: 'online' });
};

function removeIndexesKey(indexesKey, index) {
  const indexSet = indexes.get(indexesKey);
  if (!indexSet) return;
  indexSet.set.delete(index);
  if (indexSet.set.size === 0) indexes.delete(indexesKey);
}

// obj: the net.Server; options: { address, port, addressType, fd, flags,
// backlog }; cb(errno, handle).
cluster._getServer = function _getServer(obj, options, cb) {
  let address = options.address;
  if (options.port < 0 && typeof address === 'string') address = path.resolve(address);
  const indexesKey = [address, options.port, options.addressType, options.fd].join(':');
  let indexSet = indexes.get(indexesKey);
  if (indexSet === undefined) {
    indexSet = { nextIndex: 0, set: new Set() };
    indexes.set(indexesKey, indexSet);
  }
  const index = indexSet.nextIndex++;
  indexSet.set.add(index);
  const message = { act: 'queryServer', index, data: null, ...options, address };
  if (obj._getServerData) message.data = obj._getServerData();
  send(message, (reply, handle) => {
    if (typeof obj._setServerData === 'function') obj._setServerData(reply.data);
    const where = { indexesKey, index, owner: obj };
    if (handle) shared(reply, handle, where, cb);
    else rr(reply, where, cb);
  });
  obj.once('listening', () => {
    if (!indexes.has(indexesKey)) return; // closed at once: nothing to tell
    cluster.worker.state = 'listening';
    const a = obj.address();
    message.act = 'listening';
    message.port = (a && a.port) || options.port;
    send(message);
  });
};

// SCHED_NONE: the bound socket from the primary, told apart only by close(),
// which lets the primary know.
function shared(message, handle, { indexesKey, index, owner }, cb) {
  const key = message.key;
  const close = handle.close;
  handle.close = function (...args) {
    send({ act: 'close', key });
    handles.delete(key);
    removeIndexesKey(indexesKey, index);
    return close.apply(handle, args);
  };
  handle[kOwner] = owner;
  handles.set(key, handle);
  cb(message.errno, handle);
}

// SCHED_RR: a stand-in handle for net.Server.  It keeps the worker alive
// like a listening socket would (an interval timer), answers getsockname()
// with the primary's address, and receives connections in onconnection().
function rr(message, { indexesKey, index, owner }, cb) {
  if (message.errno) { cb(message.errno, null); return; }
  let key = message.key;
  let keepAlive = null;
  const handle = {
    onconnection: null,
    listen(backlog, onconnection) {
      // the primary's backlog is the one that counts
      this.onconnection = onconnection;
      return 0;
    },
    close(cb2) {
      if (key === undefined) return;
      this.unref();
      send({ act: 'close', key });
      handles.delete(key);
      removeIndexesKey(indexesKey, index);
      key = undefined;
      if (typeof cb2 === 'function') process.nextTick(cb2);
    },
    ref() { if (!keepAlive) keepAlive = setInterval(() => {}, kMaxInterval); },
    unref() { if (keepAlive) { clearInterval(keepAlive); keepAlive = null; } },
    hasRef() { return keepAlive !== null; },
  };
  if (message.sockname) handle.getsockname = () => (key === undefined ? undefined : { ...message.sockname });
  handle.ref();
  handle[kOwner] = owner;
  handles.set(key, handle);
  cb(0, handle);
}

// A connection from the primary (SCHED_RR).  Refused when the server is
// gone or full, so that the primary gives it to another worker.
function onconnection(message, handle) {
  const server = handles.get(message.key);
  let accepted = server !== undefined && typeof server.onconnection === 'function';
  if (accepted) {
    const owner = server[kOwner];
    if (owner && owner.maxConnections && owner._connections >= owner.maxConnections) accepted = false;
  }
  send({ ack: message.seq, accepted });
  if (accepted) server.onconnection(0, handle);
  else if (handle) handle.close();
}

// Closes every server of this worker, then the channel.  Asked for by the
// primary (primaryInitiated) or by worker.disconnect() here, in which case
// the primary first learns that the exit to come is intended.
function disconnectWorker(primaryInitiated) {
  this.exitedAfterDisconnect = true;
  let waiting = 1;
  const check = () => {
    if (--waiting !== 0) return;
    if (primaryInitiated) process.disconnect();
    else send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
  };
  for (const handle of handles.values()) {
    waiting++;
    if (handle[kOwner]) handle[kOwner].close(check);
    else handle.close(check);
  }
  handles.clear();
  check();
}

Worker.prototype.disconnect = function disconnect() {
  if (this.state !== 'disconnecting' && this.state !== 'destroying') {
    this.state = 'disconnecting';
    disconnectWorker.call(this, false);
  }
  return this;
};

Worker.prototype.destroy = function destroy() {
  if (this.state === 'destroying') return;
  this.exitedAfterDisconnect = true;
  if (!this.isConnected()) {
    process.exit(0);
    return;
  }
  this.state = 'destroying';
  send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
  process.once('disconnect', () => process.exit(0));
};

module.exports = cluster;
