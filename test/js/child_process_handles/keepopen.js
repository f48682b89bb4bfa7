// keepOpen: the parent keeps using a socket it has sent: both ends write to
// the same connection (the parent first, then the child once told to).
const cp = require('child_process');
const net = require('net');

if (process.argv[2] === 'child') {
  process.on('message', (m, sock) => {
    if (sock) { global.sock = sock; process.send('got it'); return; }
    if (m === 'your turn') {
      global.sock.end('child writes\n');
      process.disconnect();
    }
  });
} else {
  const child = cp.fork(__filename, ['child']);
  const server = net.createServer({ pauseOnConnect: true }, (socket) => {
    child.send('socket', socket, { keepOpen: true }, (err) => {
      console.log('sent, err', err, 'parent still has it', !!socket._handle);
    });
    child.once('message', (m) => {
      console.log('child says', m);
      socket.write('parent writes\n', () => child.send('your turn'));
    });
    server.close();
  });
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1');
    let d = '';
    c.on('data', (x) => { d += x; });
    c.on('end', () => { console.log('client got', JSON.stringify(d)); c.end(); });
  });
  child.on('exit', (code) => console.log('child exit', code));
}
