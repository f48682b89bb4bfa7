// Raw handles ('net.Native'): a server's TCP handle sent as it is arrives as
// a handle object of the same kind, not wrapped in a net.Server; the child
// wraps it itself with server.listen(handle).
const cp = require('child_process');
const net = require('net');

if (process.argv[2] === 'child') {
  process.once('message', (m, handle) => {
    console.log('child got', m, handle.constructor.name, handle instanceof net.Server, typeof handle.getsockname);
    const server = net.createServer((s) => s.end('from child'));
    server.listen(handle, () => {
      console.log('child listening', server.address().port === +process.env.PORT);
      process.send('ready');
    });
    process.on('message', (m2) => { if (m2 === 'close') server.close(() => process.disconnect()); });
  });
} else {
  const server = net.createServer((s) => s.end('from parent'));
  server.listen(0, '127.0.0.1', () => {
    const port = server.address().port;
    const child = cp.fork(__filename, ['child'], { env: { ...process.env, PORT: port } });
    child.send('tcp handle', server._handle);
    child.on('message', () => {
      server.close(() => {
        const c = net.connect(port, '127.0.0.1');
        let d = '';
        c.on('data', (x) => { d += x; });
        c.on('end', () => { console.log('client got', d); child.send('close'); });
      });
    });
    child.on('exit', (code) => console.log('child exit', code));
  });
}
