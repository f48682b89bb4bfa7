'use strict';
// internal/cluster/shared_handle — SCHED_NONE: the primary binds the socket
// once and passes the bound handle to every worker that listens on the same
// address; each worker calls listen() on its copy and the kernel decides
// which worker's accept() gets a connection.  The primary closes its copy
// when the last worker is gone.  UDP sockets ('udp4'/'udp6') are always
// shared this way, whatever the policy (if dgram asks: see primary.js).

const net = require('net');

class SharedHandle {
  constructor(key, address, { port, addressType, fd, flags }) {
    this.key = key;
    this.workers = new Map();
    this.handle = null;
    this.errno = 0;
    const udp = addressType === 'udp4' || addressType === 'udp6';
    const h = udp
      ? require('internal/dgram')._createSocketHandle(address, port, addressType, fd, flags)
      : net._createServerHandle(address, port, addressType, fd, { ipv6Only: !!(flags & 1) });
    if (typeof h === 'number') this.errno = h;
    else this.handle = h;
  }

  add(worker, send) {
    this.workers.set(worker.id, worker);
    send(this.errno, null, this.handle);
  }

  // true when this was the last worker (the handle is closed then)
  remove(worker) {
    if (!this.workers.delete(worker.id)) return false;
    if (this.workers.size !== 0) return false;
    if (this.handle) this.handle.close();
    this.handle = null;
    return true;
  }
}

module.exports = SharedHandle;
