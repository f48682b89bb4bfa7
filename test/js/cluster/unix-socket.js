// Workers serving on a Unix socket path: the primary listens on the path
// and hands the connections out in turn (SCHED_RR); server.address() in a
// worker is the path.
const cluster = require('cluster');
const net = require('net');
const path = require('path');
const sock = path.join(process.cwd(), 'cluster.sock');

if (cluster.isWorker) {
  const server = net.createServer((s) => s.end(`${cluster.worker.id}`));
  server.listen(sock, () => process.send({ address: path.relative(process.cwd(), server.address()) }));
} else {
  const n = 2;
  const seen = [];
  // (workers race each other: their lines are printed sorted)
  const saw = (line) => {
    seen.push(line);
    if (seen.length < 2 * n) return;
    console.log(seen.sort().join('\n'));
    load();
  };
  cluster.on('message', (w, m) => saw(`worker address ${m.address}`));
  cluster.on('listening', (w, addr) => saw(`listening ${path.relative(process.cwd(), addr.address)} ${addr.addressType} ${addr.port}`));
  const load = () => {
    const count = {};
    let left = 8;
    const one = () => {
      const c = net.connect(sock);
      let d = '';
      c.on('data', (x) => { d += x; });
      c.on('end', () => {
        count[d] = (count[d] || 0) + 1;
        if (--left > 0) { one(); return; }
        console.log('answers per worker', Object.keys(count).sort().map((k) => `${k}:${count[k]}`).join(' '));
        cluster.disconnect(() => console.log('disconnected, socket removed', !require('fs').existsSync(sock)));
      });
    };
    one();
  };
  for (let i = 0; i < n; i++) cluster.fork();
}
