'use strict';
// internal/cluster/primary — `cluster` in the primary process: fork()
// starts workers (child_process.fork with NODE_UNIQUE_ID in their
// environment), and the primary owns every server socket the workers listen
// on.  A worker's net.Server.listen() becomes a 'queryServer' request; the
// primary answers it, per address, with one of two kinds of handle
// (cluster.schedulingPolicy, frozen at the first setupPrimary()/fork()):
//
//   SCHED_RR (default; NODE_CLUSTER_SCHED_POLICY=rr)  round_robin_handle.js:
//     the primary accepts and passes each connection to a worker;
//   SCHED_NONE (NODE_CLUSTER_SCHED_POLICY=none)       shared_handle.js:
//     the bound socket itself goes to the workers, which all accept on it.
//
// Workers listening on the same address, port and index (the n-th listen on
// that address in each worker) share one handle, so port 0 means the same
// port in every worker.  Handles are released when their last worker closes
// its server, disconnects or exits.

const EventEmitter = require('events');
const Worker = require('internal/cluster/worker');
const { internal, sendHelper } = require('internal/cluster/utils');

const SCHED_NONE = 1;
const SCHED_RR = 2;

const cluster = new EventEmitter();
const intercom = new EventEmitter();
const handles = new Map(); // key -> RoundRobinHandle | SharedHandle
let initialized = false;
let ids = 0;

cluster.isWorker = false;
cluster.isMaster = true;
cluster.isPrimary = true;
cluster.Worker = Worker;
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = SCHED_NONE;
cluster.SCHED_RR = SCHED_RR;

let schedulingPolicy = { none: SCHED_NONE, rr: SCHED_RR }[process.env.NODE_CLUSTER_SCHED_POLICY];
if (schedulingPolicy === undefined) schedulingPolicy = SCHED_RR;
cluster.schedulingPolicy = schedulingPolicy;

cluster.setupPrimary = function setupPrimary(options) {
  const settings = {
    args: process.argv.slice(2),
    exec: process.argv[1],
    execArgv: process.execArgv,
    silent: false,
    ...cluster.settings,
    ...options,
  };
  cluster.settings = settings;
  if (!initialized) {
    initialized = true;
    schedulingPolicy = cluster.schedulingPolicy; // frozen from now on
    if (schedulingPolicy !== SCHED_NONE && schedulingPolicy !== SCHED_RR) {
      throw new Error(`Bad cluster.schedulingPolicy: ${schedulingPolicy}`);
    }
  }
  process.nextTick(() => cluster.emit('setup', settings));
};
cluster.setupMaster = cluster.setupPrimary;

// A primary started with the inspector gives each worker a port of its own:
// settings.inspectPort (a number, or a function called per worker), else
// the primary's debug port + 1, + 2, ... (wrapping to 1024).
const kInspectArgRegex = /--inspect(?:-brk|-port)?|--debug-port/;
let debugPortOffset = 1;

function isUsingInspector(execArgv) {
  if (!process.features.inspector) return false;
  return execArgv.some((arg) => kInspectArgRegex.test(arg)) ||
    kInspectArgRegex.test(process.env.NODE_OPTIONS || '');
}

function getInspectPort(inspectPort) {
  if (typeof inspectPort === 'function') {
    inspectPort = inspectPort();
  } else if (inspectPort == null) {
    inspectPort = process.debugPort + debugPortOffset;
    if (inspectPort > 65535) inspectPort = inspectPort - 65535 + 1024 - 1;
    debugPortOffset++;
  }
  require('internal/validators').validatePort(inspectPort);
  return inspectPort;
}

function createWorkerProcess(id, env) {
  const s = cluster.settings;
  const execArgv = [...s.execArgv];
  if (s.inspectPort === null) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_SOCKET_BAD_PORT('Port', null, true);
  }
  if (isUsingInspector(s.execArgv)) execArgv.push(`--inspect-port=${getInspectPort(s.inspectPort)}`);
  return require('child_process').fork(s.exec, s.args, {
    cwd: s.cwd,
    env: { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` },
    serialization: s.serialization,
    silent: s.silent,
    windowsHide: s.windowsHide,
    execArgv,
    stdio: s.stdio,
    gid: s.gid,
    uid: s.uid,
  });
}

function removeWorker(worker) {
  delete cluster.workers[worker.id];
  if (Object.keys(cluster.workers).length === 0) intercom.emit('disconnect');
}

function removeHandlesForWorker(worker) {
  for (const [key, handle] of handles) {
    if (handle.remove(worker)) handles.delete(key);
  }
}

cluster.fork = function fork(env) {
  cluster.setupPrimary();
  const id = ++ids;
  const worker = new Worker({ id, process: createWorkerProcess(id, env) });

  worker.on('message', function onMessage(message, handle) {
    cluster.emit('message', this, message, handle);
  });

  worker.process.once('exit', (exitCode, signalCode) => {
    // still connected: the 'disconnect' that follows removes it
    if (!worker.isConnected()) {
      removeHandlesForWorker(worker);
      removeWorker(worker);
    }
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'dead';
    worker.emit('exit', exitCode, signalCode);
    cluster.emit('exit', worker, exitCode, signalCode);
  });

  worker.process.once('disconnect', () => {
    removeHandlesForWorker(worker);
    // not exited yet: the 'exit' that follows is still worth a look at it
    if (worker.isDead()) removeWorker(worker);
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'disconnected';
    worker.emit('disconnect');
    cluster.emit('disconnect', worker);
  });

  worker.process.on('internalMessage', internal(worker, onmessage));
  process.nextTick(() => cluster.emit('fork', worker));
  cluster.workers[worker.id] = worker;
  return worker;
};

cluster.disconnect = function disconnect(cb) {
  const workers = Object.values(cluster.workers);
  if (workers.length === 0) process.nextTick(() => intercom.emit('disconnect'));
  else for (const worker of workers) if (worker.isConnected()) worker.disconnect();
  if (typeof cb === 'function') intercom.once('disconnect', cb);
};

function send(worker, message, handle, cb) {
  return sendHelper(worker.process, message, handle, cb);
}

function onmessage(message) {
  const worker = this;
  switch (message.act) {
    case 'online':
      worker.state = 'online';
      worker.emit('online');
      cluster.emit('online', worker);
      break;
    case 'queryServer': queryServer(worker, message); break;
    case 'listening': {
      const info = {
        addressType: message.addressType,
        address: message.address,
        port: message.port,
        fd: message.fd,
      };
      worker.state = 'listening';
      worker.emit('listening', info);
      cluster.emit('listening', worker, info);
      break;
    }
    case 'exitedAfterDisconnect':
      worker.exitedAfterDisconnect = true;
      send(worker, { ack: message.seq });
      break;
    case 'close': {
      const handle = handles.get(message.key);
      if (handle && handle.remove(worker)) handles.delete(message.key);
      break;
    }
    default: break;
  }
}

function queryServer(worker, message) {
  if (worker.exitedAfterDisconnect) return; // disconnecting: no new servers
  const key = `${message.address}:${message.port}:${message.addressType}:${message.fd}:${message.index}`;
  let handle = handles.get(key);
  if (handle === undefined) {
    let address = message.address;
    // the shorter spelling of a Unix socket path (they are limited to ~100 bytes)
    if (message.port < 0 && typeof address === 'string') {
      const rel = require('path').relative(process.cwd(), address);
      if (rel.length < address.length) address = rel;
    }
    if (schedulingPolicy !== SCHED_RR || message.addressType === 'udp4' || message.addressType === 'udp6') {
      const SharedHandle = require('internal/cluster/shared_handle');
      handle = new SharedHandle(key, address, message);
    } else {
      const RoundRobinHandle = require('internal/cluster/round_robin_handle');
      handle = new RoundRobinHandle(key, address, message);
    }
    handles.set(key, handle);
  }
  if (!handle.data) handle.data = message.data;
  handle.add(worker, (errno, reply, sockHandle) => {
    const h = handles.get(key);
    const data = h ? h.data : undefined;
    if (errno) handles.delete(key); // another worker may try again
    send(worker, { errno, key, ack: message.seq, data, ...reply }, sockHandle);
  });
}

// The primary's side of a worker: disconnect() asks the worker to close its
// servers and the channel; destroy()/kill() sends a signal.
Worker.prototype.disconnect = function disconnect() {
  this.exitedAfterDisconnect = true;
  send(this, { act: 'disconnect' });
  removeHandlesForWorker(this);
  removeWorker(this);
  return this;
};

Worker.prototype.destroy = function destroy(signo) {
  this.process.kill(signo || 'SIGTERM');
};

module.exports = cluster;
