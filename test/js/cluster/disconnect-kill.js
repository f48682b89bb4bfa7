// How workers end, and what the primary sees: worker.kill() (SIGTERM,
// exitedAfterDisconnect false), worker.disconnect() from the primary and
// cluster.worker.disconnect() in the worker (true, exit code 0),
// cluster.worker.kill() in the worker (true, 0), process.exit(3) in the
// worker (false), worker.process.kill('SIGKILL').
// Each worker's events are in order; workers are printed one after another.
const cluster = require('cluster');
const net = require('net');

if (cluster.isWorker) {
  const how = process.env.HOW;
  const server = net.createServer((s) => s.end());
  server.listen(0, '127.0.0.1', () => {
    if (how === 'self-disconnect') cluster.worker.disconnect();
    if (how === 'exit') process.exit(3);
    if (how === 'self-kill') cluster.worker.kill();
  });
} else {
  const hows = ['kill', 'disconnect', 'self-disconnect', 'self-kill', 'exit', 'sigkill'];
  const log = {};
  let done = 0;
  for (const how of hows) {
    const w = cluster.fork({ HOW: how });
    const l = log[how] = [];
    w.on('online', () => l.push('online'));
    w.on('listening', () => {
      l.push(`listening state ${w.state}`);
      if (how === 'kill') w.kill();
      if (how === 'disconnect') w.disconnect();
      if (how === 'sigkill') w.process.kill('SIGKILL');
    });
    w.on('disconnect', () => l.push(`disconnect connected ${w.isConnected()}`));
    w.on('exit', (code, signal) => {
      l.push(`exit ${code} ${signal} exitedAfterDisconnect ${w.exitedAfterDisconnect} dead ${w.isDead()} state ${w.state}`);
      if (++done === hows.length) {
        for (const h of hows) console.log(h, log[h].join(' | '));
        console.log('workers left', Object.keys(cluster.workers).length);
      }
    });
  }
}
