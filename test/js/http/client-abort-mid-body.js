// A client response cut short — req.destroy(), res.destroy() or the socket
// destroyed after the first chunk of the body — ends the request with
// 'close' and closes the connection, so the server can close too.
// (devrun-js once never emitted 'close' there, kept the connection after
// res.destroy(), and leaked the native parser of every such request.)
const http = require('http');
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.write('x'.repeat(10000));
  setTimeout(() => { if (!res.destroyed) res.end('y'.repeat(50000)); }, 50);
});
const ways = {
  'req.destroy()': (req, res) => req.destroy(),
  'res.destroy()': (req, res) => res.destroy(),
  'res.socket.destroy()': (req, res) => res.socket.destroy(),
};
server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  for (const [name, cut] of Object.entries(ways)) {
    await new Promise((resolve) => {
      const req = http.get({ port, host: '127.0.0.1', agent: false });
      req.on('error', () => {});
      req.on('response', (res) => {
        res.on('error', () => {});
        res.once('data', () => cut(req, res));
        res.on('end', () => console.log(name, 'unexpected end'));
      });
      req.on('close', () => {
        console.log(name, '-> request closed, socket destroyed:', req.socket.destroyed);
        resolve();
      });
    });
  }
  server.close(() => console.log('server closed'));
});
