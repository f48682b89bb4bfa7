// Error paths of send() with a handle: an object that is not a handle
// (ERR_INVALID_HANDLE_TYPE, thrown), bad options, a destroyed socket (the
// message goes without a handle), and sending on a closed channel
// (ERR_IPC_CHANNEL_CLOSED to the callback, or as 'error' without one —
// the closed channel wins over the bad handle).
const cp = require('child_process');
const net = require('net');

const show = (e) => `${e.name} ${e.code} ${e.message}`;

if (process.argv[2] === 'child') {
  process.on('message', (m, h) => {
    process.send(`child got ${m} ${h === undefined ? 'no handle' : typeof h}`);
    if (m === 'last') process.disconnect();
  });
} else {
  const child = cp.fork(__filename, ['child']);
  child.on('message', (m) => console.log(m));
  for (const bad of [{}, { _handle: {} }, new (require('events'))(), new (require('stream').Duplex)(), 42]) {
    try { child.send('x', bad); } catch (e) { console.log('throws', show(e)); }
  }
  try { child.send('x', null, 'opts'); } catch (e) { console.log('throws', show(e)); }
  try { child.send(undefined, new net.Socket()); } catch (e) { console.log('throws', show(e)); }
  const server = net.createServer((s) => {
    s.destroy();
    console.log('send destroyed socket returned', child.send('destroyed socket', s));
    child.send('last');
  });
  server.listen(0, '127.0.0.1', () => net.connect(server.address().port, '127.0.0.1').on('error', () => {}));
  child.on('disconnect', () => {
    server.close();
    const sock = new net.Socket();
    console.log('returns', child.send('late', sock, (err) => console.log('callback', show(err))));
    child.once('error', (err) => console.log('error event', show(err)));
    child.send('late', {});
  });
  child.on('exit', (code) => console.log('child exit', code));
}
