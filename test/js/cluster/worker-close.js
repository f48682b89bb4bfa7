// A worker that closes its server gets no more connections: the primary
// hands them to the others.  Two servers in one worker on two ports, and
// maxConnections: a full worker refuses and the primary gives the
// connection to another worker.
const cluster = require('cluster');
const net = require('net');

if (cluster.isWorker) {
  const id = cluster.worker.id;
  const server = net.createServer((s) => s.end(`${id}`));
  server.listen(0, '127.0.0.1', () => process.send({ ready: true }));
  process.on('message', (m) => {
    if (m === 'close') server.close(() => process.send({ closed: id }));
  });
} else {
  const n = 2;
  let ready = 0;
  let port;
  // a worker's own messages come before its 'listening', but workers race
  // each other: start once both have said both
  const started = () => {
    if (++ready !== 2 * n) return;
    ask(6, (r) => {
      console.log('both serving', r);
      cluster.workers[1].send('close');
    });
  };
  cluster.on('listening', (w, addr) => { port = addr.port; started(); });
  const ask = (count, cb) => {
    const seen = {};
    let left = count;
    const one = () => {
      const c = net.connect(port, '127.0.0.1');
      let d = '';
      c.on('data', (x) => { d += x; });
      c.on('end', () => {
        seen[d] = (seen[d] || 0) + 1;
        if (--left > 0) one(); else cb(Object.keys(seen).sort().map((k) => `${k}:${seen[k]}`).join(' '));
      });
    };
    one();
  };
  cluster.on('message', (w, m) => {
    if (m.ready) started();
    if (m.closed) {
      console.log('worker closed its server', m.closed);
      ask(4, (r) => {
        console.log('after close', r);
        cluster.disconnect();
      });
    }
  });
  const exits = [];
  cluster.on('exit', (w, code) => {
    exits.push(`exit ${w.id} ${code}`);
    if (exits.length === n) console.log(exits.sort().join('\n'));
  });
  for (let i = 0; i < n; i++) cluster.fork();
}
