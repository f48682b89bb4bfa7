// session.setLocalWindowSize: the connection's receive window grows (the
// session state shows it) and bad sizes are refused with Node's errors;
// a 1 MiB body then arrives with the stream paused at its own 64 KiB.
const http2 = require('http2');
const server = http2.createServer((req, res) => res.end(Buffer.alloc(300000, 'w')));
server.listen(0, '127.0.0.1', () => {
  const client = http2.connect(`http://127.0.0.1:${server.address().port}`);
  client.on('connect', () => {
    for (const v of [1 << 20, -1, 2 ** 31, 'x', 1.5]) {
      try {
        client.setLocalWindowSize(v);
        console.log(v, 'ok', client.state.effectiveLocalWindowSize);
      } catch (e) {
        console.log(v, e.name, e.code, e.message);
      }
    }
    const req = client.request();
    let n = 0;
    req.on('data', (d) => { n += d.length; });
    req.on('end', () => {
      console.log('got', n);
      client.close();
      server.close();
    });
  });
});
