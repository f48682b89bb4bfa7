// res.headersSent is true from writeHead() on (before anything reaches the
// socket), as Node's getter over _header. Middleware such as compression
// and express-session decide from it whether to call writeHead() again.
const http = require('http');
const server = http.createServer((req, res) => {
  console.log('before', res.headersSent);
  res.setHeader('x-a', '1');
  console.log('after setHeader', res.headersSent);
  if (req.url === '/implicit') {
    res.write('part ');
    console.log('after write', res.headersSent);
  } else {
    res.writeHead(201, { 'x-b': '2' });
    console.log('after writeHead', res.headersSent);
    // what compression's res.end does: writeHead only when not sent
    if (!res.headersSent) res.writeHead(res.statusCode);
    try {
      res.setHeader('x-c', '3');
    } catch (e) {
      console.log(e.code);
    }
  }
  res.end('body');
  console.log('after end', res.headersSent);
});
server.listen(0, '127.0.0.1', async () => {
  for (const path of ['/explicit', '/implicit']) {
    await new Promise((resolve) => {
      http.get({ port: server.address().port, host: '127.0.0.1', path }, (res) => {
        let s = '';
        res.on('data', (d) => { s += d; });
        res.on('end', () => {
          console.log(path, res.statusCode, res.headers['x-a'], res.headers['x-b'], s);
          resolve();
        });
      });
    });
  }
  const req = http.request({ port: server.address().port, host: '127.0.0.1', method: 'POST' });
  console.log('client before', req.headersSent);
  req.flushHeaders();
  console.log('client after flushHeaders', req.headersSent);
  req.end();
  req.on('response', (res) => {
    res.resume();
    res.on('end', () => server.close(() => console.log('closed')));
  });
});
