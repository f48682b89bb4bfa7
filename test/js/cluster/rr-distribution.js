// cluster round-robin (the default on Linux): the primary accepts and hands
// connections to the workers in turn.  Three workers serve http on port 0,
// which is one port for all of them (the primary's); 30 requests one after
// the other are spread evenly: each worker answers exactly 10.
const cluster = require('cluster');
const http = require('http');

if (cluster.isWorker) {
  http.createServer((req, res) => res.end(`${cluster.worker.id}`)).listen(0, '127.0.0.1');
} else {
  console.log('policy', cluster.schedulingPolicy === cluster.SCHED_RR, cluster.SCHED_NONE, cluster.SCHED_RR);
  const n = 3;
  const ports = new Set();
  const events = [];
  cluster.on('listening', (w, addr) => {
    ports.add(addr.port);
    events.push(`listening ${w.id} ${addr.address} ${addr.addressType} ${typeof addr.port} fd ${addr.fd}`);
    if (events.length === n) {
      console.log(events.sort().join('\n'));
      console.log('one port for all workers', ports.size === 1);
      load([...ports][0]);
    }
  });
  const load = (port) => {
    const count = {};
    let left = 30;
    const one = () => http.get({ port, host: '127.0.0.1', agent: false }, (res) => {
      let d = '';
      res.on('data', (c) => { d += c; });
      res.on('end', () => {
        count[d] = (count[d] || 0) + 1;
        if (--left > 0) { one(); return; }
        console.log('answers per worker', Object.keys(count).sort().map((k) => `${k}:${count[k]}`).join(' '));
        cluster.disconnect(() => console.log('all disconnected'));
      });
    });
    one();
  };
  const exits = [];
  cluster.on('exit', (w, code, signal) => {
    exits.push(`exit ${w.id} ${code} ${signal} ${w.exitedAfterDisconnect}`);
    if (exits.length === n) console.log(exits.sort().join('\n'));
  });
  for (let i = 0; i < n; i++) cluster.fork();
}
