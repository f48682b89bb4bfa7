'use strict';
// internal/cluster/worker — cluster.Worker, the part shared by the primary's
// view of a worker and a worker's view of itself.  disconnect() and
// destroy() differ between the two and are added by internal/cluster/primary
// and internal/cluster/child.

const EventEmitter = require('events');

class Worker extends EventEmitter {
  constructor(options) {
    super();
    if (options === null || typeof options !== 'object') options = {};
    this.exitedAfterDisconnect = undefined;
    this.state = options.state || 'none';
    this.id = options.id | 0;
    if (options.process) {
      this.process = options.process;
      this.process.on('error', (code, signal) => this.emit('error', code, signal));
      this.process.on('message', (message, handle) => this.emit('message', message, handle));
    }
  }

  kill(...args) { return this.destroy(...args); }
  send(...args) { return this.process.send(...args); }
  isDead() { return this.process.exitCode != null || this.process.signalCode != null; }
  isConnected() { return this.process.connected; }
}

module.exports = Worker;
