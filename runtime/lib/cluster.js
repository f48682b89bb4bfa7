'use strict';
// cluster — a primary process forking workers (child_process.fork with the
// IPC channel) that share server ports.
//
// How ports are shared differs from Node: Node's primary owns the listening
// socket and hands connections (round-robin) or the listening handle to
// workers over IPC, which needs handle passing (uv_write2) that devrun-js's
// IPC channel (newline-delimited JSON) does not have.  Here every worker
// binds the port itself with SO_REUSEPORT (net.Server.listen's reusePort)
// and the Linux kernel spreads incoming connections over the workers (by a
// hash of the connection's addresses, not strictly round-robin).
// Consequences: `schedulingPolicy` is reported but has no effect; a worker
// listening on port 0 gets a port of its own (in Node all workers share the
// primary's); Unix-socket paths cannot be shared.
//
// Worker to primary bookkeeping ('online', 'listening') travels as IPC
// messages { devrunCluster: ... } that never reach 'message' listeners.
// worker.disconnect() closes the IPC channel; the worker then closes its
// servers and exits once its connections end, as in Node.

const EventEmitter = require('events');
const path = require('path');

const SCHED_NONE = 1;
const SCHED_RR = 2;
const isWorker = process.env.NODE_UNIQUE_ID !== undefined;
const isPrimary = !isWorker;

const kInternal = 'devrunCluster';
const isInternal = (m) => m !== null && typeof m === 'object' && kInternal in m;

class Worker extends EventEmitter {
  constructor(options = {}) {
    super();
    this.exitedAfterDisconnect = undefined;
    this.state = options.state || 'none';
    this.id = options.id | 0;
    this.process = options.process;
    if (this.process) {
      this.process.on('error', (err) => this.emit('error', err));
      this.process.on('message', (msg, handle) => { if (!isInternal(msg)) this.emit('message', msg, handle); });
    }
  }
  send(...args) { return this.process.send(...args); }
  isDead() { return this.process.exitCode != null || this.process.signalCode != null; }
  isConnected() { return !!this.process.connected; }
}

const cluster = new EventEmitter();
cluster.isWorker = isWorker;
cluster.isPrimary = isPrimary;
cluster.isMaster = isPrimary;
cluster.Worker = Worker;
cluster.SCHED_NONE = SCHED_NONE;
cluster.SCHED_RR = SCHED_RR;
cluster.schedulingPolicy = process.env.NODE_CLUSTER_SCHED_POLICY === 'none' ? SCHED_NONE : SCHED_RR;
cluster.settings = {};
cluster.workers = {};

if (isPrimary) setupPrimary(); else setupWorker();

function setupPrimary() {
  let ids = 0;
  cluster.setupPrimary = function (options) {
    cluster.settings = {
      args: process.argv.slice(2), exec: process.argv[1], execArgv: process.execArgv, silent: false,
      ...cluster.settings, ...options,
    };
    process.nextTick(() => cluster.emit('setup', cluster.settings));
  };
  cluster.setupMaster = cluster.setupPrimary;

  cluster.fork = function (env) {
    if (!cluster.settings.exec) cluster.setupPrimary();
    const s = cluster.settings;
    const id = ++ids;
    const child = require('child_process').fork(path.resolve(s.exec), s.args, {
      cwd: s.cwd, env: { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` }, execArgv: s.execArgv,
      silent: s.silent, stdio: s.stdio, windowsHide: s.windowsHide, uid: s.uid, gid: s.gid,
    });
    const worker = new Worker({ id, process: child });
    cluster.workers[id] = worker;
    const removeWorker = () => { delete cluster.workers[id]; };
    child.on('message', (msg) => {
      if (!isInternal(msg)) { cluster.emit('message', worker, msg); return; }
      const what = msg[kInternal];
      if (what === 'online') {
        worker.state = 'online';
        worker.emit('online');
        cluster.emit('online', worker);
      } else if (what === 'listening') {
        worker.state = 'listening';
        const address = msg.address;
        worker.emit('listening', address);
        cluster.emit('listening', worker, address);
      }
    });
    child.once('disconnect', () => {
      worker.state = 'disconnected';
      if (worker.exitedAfterDisconnect === undefined) worker.exitedAfterDisconnect = false;
      worker.emit('disconnect');
      cluster.emit('disconnect', worker);
      if (worker.isDead()) removeWorker();
    });
    child.once('exit', (code, signal) => {
      worker.state = 'dead';
      if (worker.exitedAfterDisconnect === undefined) worker.exitedAfterDisconnect = false;
      if (!worker.isConnected()) removeWorker();
      worker.emit('exit', code, signal);
      cluster.emit('exit', worker, code, signal);
      removeWorker();
    });
    worker.disconnect = function () {
      this.exitedAfterDisconnect = true;
      if (this.process.connected) this.process.disconnect();
      return this;
    };
    worker.destroy = worker.kill = function (signal = 'SIGTERM') {
      this.exitedAfterDisconnect = true;
      if (this.process.connected) this.process.disconnect();
      this.process.kill(signal);
    };
    process.nextTick(() => cluster.emit('fork', worker));
    return worker;
  };

  cluster.disconnect = function (cb) {
    const workers = Object.values(cluster.workers);
    let left = workers.length;
    if (typeof cb === 'function') {
      if (left === 0) process.nextTick(cb);
      for (const w of workers) w.once('disconnect', () => { if (--left === 0) cb(); });
    }
    for (const w of workers) w.disconnect();
  };
}

function setupWorker() {
  const id = +process.env.NODE_UNIQUE_ID;
  const worker = new Worker({ id, process, state: 'online' });
  cluster.worker = worker;
  delete cluster.setupPrimary;
  delete cluster.fork;
  worker.disconnect = function () {
    this.exitedAfterDisconnect = true;
    closeServers();
    if (process.connected) process.disconnect();
    return this;
  };
  worker.destroy = worker.kill = function (signal) {
    this.exitedAfterDisconnect = true;
    closeServers();
    if (process.connected) process.disconnect();
    process.exit(0);
  };
  const tell = (what, extra) => {
    if (process.connected) process.send({ [kInternal]: what, ...extra });
  };

  // Servers in a worker bind with SO_REUSEPORT so that every worker can
  // listen on the same TCP port; the primary hears about it.
  const net = require('net');
  const servers = new Set();
  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function (...args) {
    let i = 0;
    if (args[0] !== null && typeof args[0] === 'object' && !Array.isArray(args[0])) {
      if (args[0].path === undefined && args[0].exclusive !== true) args[0] = { ...args[0], reusePort: true };
    } else if (typeof args[0] === 'number' || (typeof args[0] === 'string' && args[0].trim() !== '' && !isNaN(+args[0]))) {
      const opts = { port: +args[0] };
      i = 1;
      if (typeof args[i] === 'string') opts.host = args[i++];
      if (typeof args[i] === 'number') opts.backlog = args[i++];
      opts.reusePort = true;
      args = [opts, ...args.slice(i)];
    }
    servers.add(this);
    this.once('close', () => servers.delete(this));
    this.once('listening', () => {
      const a = this.address();
      const address = typeof a === 'string'
        ? { address: a, port: undefined, addressType: -1 }
        : { address: a.address, port: a.port, addressType: a.family === 'IPv6' ? 6 : 4 };
      worker.state = 'listening';
      tell('listening', { address });
    });
    return listen.apply(this, args);
  };
  function closeServers() {
    for (const s of servers) {
      s.close();
      if (typeof s.closeIdleConnections === 'function') s.closeIdleConnections();
    }
  }
  process.once('disconnect', () => {
    worker.emit('disconnect');
    if (worker.exitedAfterDisconnect === undefined) worker.exitedAfterDisconnect = true;
    closeServers();
  });
  process.nextTick(() => tell('online'));
}

module.exports = cluster;
