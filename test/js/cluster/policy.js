// cluster.schedulingPolicy: RR by default, settable before the first fork()
// (frozen afterwards); the constants; what a worker's cluster object has.
const cluster = require('cluster');
const net = require('net');

if (cluster.isWorker) {
  console.log('worker keys', Object.keys(cluster).filter((k) => !k.startsWith('_')).sort().join(','));
  console.log('worker', cluster.worker.id, cluster.worker.state, typeof cluster.worker.process.send,
    'NODE_UNIQUE_ID' in process.env);
  const server = net.createServer((s) => s.end('x'));
  server.listen(0, '127.0.0.1');
} else {
  console.log('default', cluster.schedulingPolicy, cluster.SCHED_RR, cluster.SCHED_NONE);
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  cluster.on('setup', (s) => console.log('setup', typeof s.exec, Array.isArray(s.args), s.silent));
  const w = cluster.fork();
  cluster.schedulingPolicy = cluster.SCHED_RR; // too late: frozen by fork()
  w.on('listening', (addr) => {
    // a SCHED_NONE worker's server has its own listening socket (a copy of
    // the primary's), so a connection reaches it after the primary lets go
    const c = net.connect(addr.port, '127.0.0.1');
    c.on('data', (d) => console.log('reply', `${d}`));
    c.on('end', () => w.disconnect());
  });
  w.on('exit', (code, signal) => console.log('exit', code, signal, w.exitedAfterDisconnect));
}
