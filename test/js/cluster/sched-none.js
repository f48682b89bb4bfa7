// SCHED_NONE (NODE_CLUSTER_SCHED_POLICY=none): the primary binds the socket
// and passes it to the workers, which all accept on it; the kernel picks the
// worker, so only totals are printed.  Port 0 is still one port for all.
const cluster = require('cluster');
const net = require('net');

if (cluster.isWorker) {
  const server = net.createServer((s) => s.end(`${cluster.worker.id}`));
  server.listen(0, '127.0.0.1', () => {
    process.send({ address: server.address().address, family: server.address().family });
  });
} else {
  console.log('policy none', cluster.schedulingPolicy === cluster.SCHED_NONE, cluster.schedulingPolicy);
  const n = 2;
  const ports = new Set();
  const says = [];
  let events = 0;
  // (workers race each other: start when both have said both)
  const saw = () => {
    if (++events !== 2 * n) return;
    console.log(says.join('\n'));
    console.log('one port for all workers', ports.size === 1);
    load([...ports][0]);
  };
  cluster.on('message', (w, m) => { says.push(`worker says ${JSON.stringify(m)}`); saw(); });
  cluster.on('listening', (w, addr) => { ports.add(addr.port); saw(); });
  const load = (port) => {
    const answers = [];
    let left = 20;
    const one = () => {
      const c = net.connect(port, '127.0.0.1');
      let d = '';
      c.on('data', (x) => { d += x; });
      c.on('end', () => {
        answers.push(d);
        if (--left > 0) { one(); return; }
        console.log('answers', answers.length, answers.every((a) => a === '1' || a === '2'));
        cluster.disconnect(() => console.log('all disconnected'));
      });
    };
    one();
  };
  let exits = 0;
  cluster.on('exit', (w, code) => { if (++exits === n) console.log('exits', exits, code); });
  for (let i = 0; i < n; i++) cluster.fork();
}
