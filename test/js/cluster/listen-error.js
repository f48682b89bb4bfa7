// A worker listening on a port the primary's own server holds: the primary
// cannot bind it for the worker, and the worker's server gets the error
// (reported by Node as a 'bind' error with the address the worker asked for).
const cluster = require('cluster');
const net = require('net');

if (cluster.isWorker) {
  const server = net.createServer();
  server.on('error', (e) => {
    console.log('worker error', e.code, e.syscall, e.message.replace(/\d+$/, 'PORT'));
    server.listen(0, '127.0.0.1', () => {
      console.log('worker listens on another port', server.address().port > 0);
      process.send('listening');
    });
  });
  server.listen(+process.env.PORT, '127.0.0.1');
  process.on('message', () => process.exit(0));
} else {
  const blocker = net.createServer().listen(0, '127.0.0.1', () => {
    const w = cluster.fork({ PORT: blocker.address().port });
    w.on('message', (m) => { console.log('primary got', m); w.send('bye'); });
    w.on('exit', (code) => { console.log('exit', code); blocker.close(); });
  });
}
