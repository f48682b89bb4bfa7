// process.send(message, socket) from a child: the child connects to a
// server of the parent's, then hands its client socket to the parent, which
// talks over it; the message arrives with a net.Socket.
const cp = require('child_process');
const net = require('net');

if (process.argv[2] === 'child') {
  let callback = 'not called';
  const c = net.connect(+process.env.PORT, '127.0.0.1', () => {
    process.send('my connection', c, (err) => { callback = `called with ${err}`; });
  });
  process.on('message', (m) => {
    if (m === 'done') {
      process.send(`child: send callback ${callback}, socket detached ${!c._handle}`);
      process.disconnect();
    }
  });
} else {
  const server = net.createServer((s) => {
    s.on('data', (d) => {
      console.log('server read', `${d}`);
      s.end();
      server.close();
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const child = cp.fork(__filename, ['child'], { env: { ...process.env, PORT: server.address().port } });
    child.on('message', (m, sock) => {
      if (!sock) { console.log(m); return; }
      console.log('parent got', m, sock instanceof net.Socket, sock.remotePort === server.address().port);
      sock.on('end', () => { console.log('parent: end'); child.send('done'); });
      sock.write('from parent');
      sock.resume();
    });
    child.on('exit', (code) => console.log('child exit', code));
  });
}
