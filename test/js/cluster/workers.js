// cluster: a primary forks three workers running this file; each serves
// http on the same port (the primary's socket, connections handed out
// round-robin); 'fork'/'online'/'listening' events, messages both ways,
// requests answered by several workers, cluster.disconnect() and 'exit'
// with exitedAfterDisconnect.  Events from different workers race, so they
// are collected and printed sorted.
const cluster = require('cluster');
const http = require('http');

if (cluster.isPrimary) {
  console.log('primary', cluster.isPrimary, cluster.isMaster, cluster.isWorker, cluster.worker);
  const probe = require('net').createServer();
  probe.listen(0, '127.0.0.1', () => {
    const port = probe.address().port;
    probe.close(() => start(port));
  });
} else {
  http.createServer((req, res) => res.end(`worker ${cluster.worker.id}`)).listen(+process.env.PORT, '127.0.0.1');
  process.on('message', (m) => {
    process.send({ echo: m, id: cluster.worker.id, isWorker: cluster.isWorker, isPrimary: cluster.isPrimary });
  });
}

function start(port) {
  const n = 3;
  const events = [];
  let listening = 0;
  cluster.on('fork', (w) => events.push(`fork ${w.id}`));
  cluster.on('online', (w) => events.push(`online ${w.id}`));
  cluster.on('listening', (w, addr) => {
    events.push(`listening ${w.id} port ok ${addr.port === port} type ${addr.addressType}`);
    if (++listening === n) load();
  });
  const replies = [];
  cluster.on('message', (w, m) => {
    replies.push(`${w.id} ${JSON.stringify(m)}`);
    if (replies.length < n) return;
    console.log(events.sort().join('\n'));
    console.log(replies.sort().join('\n'));
    cluster.disconnect(() => {
      console.log('disconnected, workers left', Object.keys(cluster.workers).length <= n);
    });
  });
  const exits = [];
  cluster.on('exit', (w, code, signal) => {
    exits.push(`exit ${w.id} code ${code} signal ${signal} exitedAfterDisconnect ${w.exitedAfterDisconnect} dead ${w.isDead()}`);
    if (exits.length === n) {
      console.log(exits.sort().join('\n'));
      console.log('workers', Object.keys(cluster.workers).length);
    }
  });
  const load = () => {
    const seen = new Set();
    let left = 90;
    const one = () => http.get({ port, host: '127.0.0.1', agent: false }, (res) => {
      let d = '';
      res.on('data', (c) => { d += c; });
      res.on('end', () => {
        seen.add(d);
        if (--left > 0) { one(); return; }
        console.log('answers from more than one worker', seen.size > 1, [...seen].every((s) => /^worker [1-3]$/.test(s)));
        for (const w of Object.values(cluster.workers)) w.send({ hi: w.id });
      });
    });
    one();
  };
  for (let i = 0; i < n; i++) cluster.fork({ PORT: port });
}
