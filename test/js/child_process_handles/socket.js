// child.send(message, socket): a connection accepted by the parent is handed
// to the child, which answers on it; the parent's net.Socket is detached
// (no _handle), and server.close() waits until the child has closed the
// sockets it got from this server.  The message arrives with a net.Socket
// as the second argument of 'message'.
const cp = require('child_process');
const net = require('net');

if (process.argv[2] === 'child') {
  process.on('message', (m, sock) => {
    if (m === 'bye') { process.disconnect(); return; }
    console.log('child got', JSON.stringify(m), sock instanceof net.Socket, sock.readable, sock.writable,
      sock.remoteAddress, typeof sock.remotePort);
    sock.on('data', (d) => {
      sock.end(`child read ${d}`);
    });
  });
} else {
  // The parent's lines wait for the end, so that the two processes' output
  // never interleaves.
  const log = [];
  const child = cp.fork(__filename, ['child']);
  const server = net.createServer({ pauseOnConnect: true }, (socket) => {
    const ok = child.send({ hello: 'socket' }, socket, (err) => {
      log.push(`send callback ${err}`);
      server.close(() => {
        log.push('server closed');
        child.send('bye');
      });
    });
    log.push(`send returned ${ok} parent socket detached ${!socket._handle}`);
  });
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1', () => c.write('ping'));
    let d = '';
    c.on('data', (x) => { d += x; });
    c.on('end', () => log.push(`client got ${JSON.stringify(d)}`));
  });
  child.on('exit', (code) => {
    log.push(`child exit ${code}`);
    console.log(log.join('\n'));
  });
}
