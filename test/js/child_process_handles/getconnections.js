// server.getConnections() counts the sockets handed to a child until the
// child closes them (the child is asked: NODE_SOCKET_GET_COUNT); asked
// after the child has exited, it fails with ERR_CHILD_CLOSED_BEFORE_REPLY.
const cp = require('child_process');
const net = require('net');

if (process.argv[2] === 'child') {
  const socks = [];
  process.on('message', (m, sock) => {
    if (sock) {
      socks.push(sock);
      sock.on('close', () => process.send('a socket closed'));
      process.send(`have ${socks.length}`);
    }
    if (m === 'close one') socks[0].destroy();
    if (m === 'bye') process.disconnect();
  });
} else {
  const child = cp.fork(__filename, ['child']);
  const clients = [];
  let closed = 0;
  const server = net.createServer({ pauseOnConnect: true }, (s) => child.send('socket', s));
  const count = (label, next) => server.getConnections((err, n) => {
    console.log(label, err ? `${err.code} ${err.message}` : n);
    if (next) next();
  });
  child.on('message', (m) => {
    console.log('child says', m);
    if (m === 'have 2') count('two sent', () => child.send('close one'));
    if (m === 'a socket closed') {
      closed++;
      if (closed === 1) count('after one closed', () => clients[1].end());
      else count('after both closed', () => child.send('bye'));
    }
  });
  server.listen(0, '127.0.0.1', () => {
    for (let i = 0; i < 2; i++) {
      const c = net.connect(server.address().port, '127.0.0.1');
      c.on('error', () => {});
      clients.push(c);
    }
  });
  child.on('exit', (code) => {
    console.log('child exit', code);
    count('child gone', () => server.close());
  });
}
