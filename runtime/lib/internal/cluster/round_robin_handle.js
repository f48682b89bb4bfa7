'use strict';
// internal/cluster/round_robin_handle — SCHED_RR (the default): the primary
// listens itself and hands each accepted connection to one worker over IPC
// ({ act: 'newconn', key } with the socket attached).  A worker gets one
// connection at a time: it is "free" again once it has acknowledged the last
// one, and connections that arrive while no worker is free wait in a queue.
// Free workers are served in the order they became free, which spreads
// connections evenly.  A worker that refuses (it is closing its server, or
// at maxConnections) has the connection handed to another.

const net = require('net');
const { TCP } = internalBinding('tcp_wrap');
const { sendHelper } = require('internal/cluster/utils');

class RoundRobinHandle {
  constructor(key, address, { port, fd, flags, backlog }) {
    this.key = key;
    this.all = new Map();  // worker id -> worker
    this.free = new Map(); // workers waiting for a connection, oldest first
    this.pending = [];     // accepted connections no worker has taken yet
    this.handle = null;
    this.server = net.createServer();
    this.server._onConnection = (err, handle) => this.distribute(err, handle);
    if (port >= 0) {
      this.server.listen({ port, host: address === null ? undefined : address, ipv6Only: !!(flags & 1), backlog });
    } else {
      this.server.listen({ path: address, backlog });
    }
    this.server.once('listening', () => {
      this.handle = this.server._handle;
      this.server._handle = null;
      this.server = null;
    });
  }

  add(worker, send) {
    this.all.set(worker.id, worker);
    const done = () => {
      if (this.handle instanceof TCP) send(null, { sockname: this.handle.getsockname() }, null);
      else send(null, null, null); // a Unix socket
      this.handoff(worker); // connections may be waiting already
    };
    if (this.server === null) { done(); return; }
    this.server.once('listening', done);
    this.server.once('error', (err) => send(err.errno, null));
  }

  // true when this was the last worker (the listening socket is closed then)
  remove(worker) {
    if (!this.all.delete(worker.id)) return false;
    this.free.delete(worker.id);
    if (this.all.size !== 0) return false;
    for (const h of this.pending) h.close();
    this.pending = [];
    if (this.handle) this.handle.close();
    else if (this.server) this.server.close();
    this.handle = null;
    return true;
  }

  distribute(err, handle) {
    if (err) return; // a failed accept(): nothing to hand out
    this.pending.push(handle);
    const next = this.free.values().next();
    if (next.done) return;
    this.free.delete(next.value.id);
    this.handoff(next.value);
  }

  handoff(worker) {
    if (!this.all.has(worker.id)) return; // closing (or closed) its server
    const handle = this.pending.shift();
    if (handle === undefined) {
      this.free.set(worker.id, worker);
      return;
    }
    const sent = sendHelper(worker.process, { act: 'newconn', key: this.key }, handle, (reply) => {
      if (reply.accepted) handle.close();
      else this.distribute(0, handle);
      this.handoff(worker);
    });
    if (sent === false && !worker.process.connected) this.distribute(0, handle);
  }
}

module.exports = RoundRobinHandle;
