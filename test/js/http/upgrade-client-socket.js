// After a 101 response the client's socket belongs to the 'upgrade'
// listener: it stays open and ref'd (not released to the agent's pool or
// closed by it), whether the request used the global agent, agent: false,
// or an agent with maxSockets 1 (whose slot it frees at once: a second
// upgrade goes through while the first socket is still open).
const http = require('http');
const server = http.createServer();
server.on('upgrade', (req, socket) => {
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n');
  socket.on('data', (d) => socket.write(`echo:${d}`));
  socket.on('end', () => socket.end());
});
function up(label, agent) {
  return new Promise((resolve) => {
    const req = http.request({ port: server.address().port, host: '127.0.0.1', agent,
      headers: { Connection: 'Upgrade', Upgrade: 'echo' } });
    req.on('upgrade', (res, socket, head) => {
      console.log(label, res.statusCode, res.headers.upgrade, head.length);
      // a later write, after the tick in which the response completed
      setTimeout(() => {
        socket.write('ping');
        socket.once('data', (d) => {
          console.log(label, String(d), 'destroyed:', socket.destroyed);
          resolve(socket);
        });
      }, 30);
    });
    req.end();
  });
}
const close = (socket) => new Promise((resolve) => { socket.end(); socket.on('close', resolve); });
server.listen(0, '127.0.0.1', async () => {
  await close(await up('global agent', undefined));
  await close(await up('agent: false', false));
  const one = new http.Agent({ maxSockets: 1 });
  const a = await up('maxSockets 1 (a)', one);
  const b = await up('maxSockets 1 (b)', one);
  console.log('agent sockets:', Object.keys(one.sockets).length);
  await close(a);
  await close(b);
  server.close(() => console.log('closed'));
});
