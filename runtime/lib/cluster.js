'use strict';
// cluster — a primary process forking workers that share server sockets,
// as Node's: the primary owns the sockets and either hands each connection
// to a worker in turn (cluster.SCHED_RR, the default) or passes the
// listening socket itself to the workers (SCHED_NONE), both over the IPC
// channel's handle passing.  A process started by cluster.fork() (it has
// NODE_UNIQUE_ID in its environment) gets the worker side.  See
// internal/cluster/primary.js and internal/cluster/child.js.

module.exports = 'NODE_UNIQUE_ID' in process.env
  ? require('internal/cluster/child')
  : require('internal/cluster/primary');
