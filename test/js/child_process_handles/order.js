// Messages keep their order when some carry sockets: later messages wait
// until the receiver has acknowledged the socket in flight, and each socket
// arrives with its own message.  Callbacks are called in order too.
const cp = require('child_process');
const net = require('net');

if (process.argv[2] === 'child') {
  const got = [];
  process.on('message', (m, sock) => {
    got.push(`${m.n}${sock ? '+socket' : ''}`);
    if (sock) sock.end(`reply ${m.n}`);
    if (m.last) {
      console.log('child got', got.join(' '));
      process.disconnect();
    }
  });
} else {
  const child = cp.fork(__filename, ['child']);
  const callbacks = [];
  const replies = [];
  const server = net.createServer({ pauseOnConnect: true }, (s) => {
    pendingSockets.push(s);
    if (pendingSockets.length === 3) go();
  });
  const pendingSockets = [];
  const go = () => {
    const [a, b, c] = pendingSockets;
    const plan = [[1], [2, a], [3], [4, b], [5, c], [6]];
    for (const [n, sock] of plan) {
      const msg = { n, last: n === 6 };
      const cb = () => callbacks.push(n);
      if (sock) child.send(msg, sock, cb); else child.send(msg, cb);
    }
    server.close();
  };
  server.listen(0, '127.0.0.1', () => {
    for (let i = 0; i < 3; i++) {
      const c = net.connect(server.address().port, '127.0.0.1');
      let d = '';
      c.on('data', (x) => { d += x; });
      c.on('end', () => replies.push(d));
    }
  });
  child.on('exit', (code) => {
    console.log('callbacks', callbacks.join(' '));
    console.log('replies', replies.sort().join(', '));
    console.log('child exit', code);
  });
}
