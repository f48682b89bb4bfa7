'use strict';
// dgram in cluster workers: a non-exclusive bind is shared through the
// primary (every worker gets the same port), an exclusive one is the
// worker's own socket.
const cluster = require('cluster');
const dgram = require('dgram');

if (cluster.isPrimary) {
  const ports = [];
  let received = 0;
  const workers = [cluster.fork(), cluster.fork()];
  for (const w of workers) {
    w.on('message', (m) => {
      if (m.port !== undefined) {
        ports.push(m);
        if (ports.length === 4) {
          const shared = ports.filter((p) => !p.exclusive);
          const own = ports.filter((p) => p.exclusive);
          console.log('shared ports equal', shared[0].port === shared[1].port);
          console.log('exclusive ports differ', own[0].port !== own[1].port, own[0].port !== shared[0].port);
          const s = dgram.createSocket('udp4');
          s.send('to the shared socket', shared[0].port, '127.0.0.1', () => s.close());
        }
      } else if (m.got !== undefined) {
        console.log('a worker got', m.got);
        if (++received === 1) for (const x of workers) x.disconnect();
      }
    });
  }
  cluster.on('exit', () => {});
} else {
  const s = dgram.createSocket('udp4');
  s.on('message', (msg) => process.send({ got: msg.toString() }));
  s.bind(0, '127.0.0.1', () => {
    process.send({ port: s.address().port, exclusive: false });
  });
  const e = dgram.createSocket('udp4');
  e.bind({ port: 0, address: '127.0.0.1', exclusive: true }, () => {
    process.send({ port: e.address().port, exclusive: true });
  });
  // disconnect() closes the shared socket; the worker's own one is its job
  process.on('disconnect', () => e.close());
}
