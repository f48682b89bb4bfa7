// A 20 MB response read only after 300 ms: the client stops reading the
// socket while the response's buffer is full (Node's readStop in
// parserOnBody) instead of buffering the whole body, reads on when the
// response is consumed, and the kept-alive socket serves the next request.
const http = require('http');
const chunk = Buffer.alloc(1 << 20, 'd');
const server = http.createServer((req, res) => {
  if (req.url === '/small') return res.end('small');
  let n = 0;
  const more = () => {
    while (n < 20) {
      n++;
      if (!res.write(chunk)) return res.once('drain', more);
    }
    res.end();
  };
  more();
});
server.listen(0, '127.0.0.1', () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const opts = { port: server.address().port, host: '127.0.0.1', agent };
  http.get({ ...opts, path: '/big' }, (res) => {
    setTimeout(() => {
      console.log('buffered under 4 MB before reading:', res.readableLength < 4 * 1024 * 1024);
      let total = 0;
      res.on('data', (d) => { total += d.length; });
      res.on('end', () => {
        console.log('total', total);
        setImmediate(() => {
          const r = http.get({ ...opts, path: '/small' }, (res2) => {
            let s = '';
            res2.on('data', (d) => { s += d; });
            res2.on('end', () => {
              console.log(s, 'reused:', r.reusedSocket);
              agent.destroy();
              server.close(() => console.log('closed'));
            });
          });
        });
      });
    }, 300);
  });
});
