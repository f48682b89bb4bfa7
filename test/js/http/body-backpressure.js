// A request body larger than the stream's buffer, read only later (as
// body-parser does after an early 413: resume() and wait for 'end'): the
// server pauses the socket when the buffer fills and reading resumes it.
const http = require('http');
const body = Buffer.alloc(200000, 'x');
const server = http.createServer((req, res) => {
  console.log('request', req.headers['content-length']);
  setTimeout(() => {
    let n = 0;
    req.on('data', (c) => { n += c.length; });
    req.on('end', () => {
      console.log('end', n, req.complete);
      res.end(`read ${n}`);
    });
  }, 50);
});
server.listen(0, '127.0.0.1', () => {
  const r = http.request({ port: server.address().port, host: '127.0.0.1', method: 'POST',
    headers: { 'content-length': body.length } }, (res) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (d) => { text += d; });
    res.on('end', () => {
      console.log(res.statusCode, text);
      server.close(() => console.log('closed'));
    });
  });
  r.end(body);
});
