// POST bodies larger than the request stream's buffer, one after another
// on one kept-alive connection: the whole body arrives before the handler's
// 'data' listener starts flowing, the server pauses the socket, and the
// next request must still be read (it stalled until the keep-alive timeout
// closed the connection).
const http = require('http');
const server = http.createServer((req, res) => {
  let n = 0;
  req.on('data', (c) => { n += c.length; });
  req.on('end', () => res.end(`got ${n}`));
});
server.listen(0, '127.0.0.1', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (const size of [30000, 100000, 20, 30000]) {
    const body = Buffer.alloc(size, 'y');
    const started = Date.now();
    await new Promise((resolve) => {
      const r = http.request({ port: server.address().port, host: '127.0.0.1', method: 'POST', agent,
        headers: { 'content-length': body.length } }, (res) => {
        let s = '';
        res.setEncoding('utf8');
        res.on('data', (d) => { s += d; });
        res.on('end', () => {
          console.log(size, res.statusCode, s, 'reused:', r.reusedSocket, 'under 2 s:', Date.now() - started < 2000);
          resolve();
        });
      });
      r.on('error', (e) => { console.log(size, 'error', e.code); resolve(); });
      r.end(body);
    });
  }
  agent.destroy();
  server.close(() => console.log('closed'));
});
