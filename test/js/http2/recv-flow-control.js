// Receive-side flow control: a client stream paused before its body
// arrives holds at most the initial 64 KiB window (the server cannot send
// more until the reader takes it), and resuming delivers all 1 MiB.
const http2 = require('http2');
const big = Buffer.alloc(1024 * 1024, 'b');
const server = http2.createServer();
server.on('stream', (stream) => {
  stream.respond({ ':status': 200 });
  stream.end(big);
});
server.listen(0, '127.0.0.1', () => {
  const client = http2.connect(`http://127.0.0.1:${server.address().port}`);
  const req = client.request({ ':path': '/big' });
  req.pause();
  let got = 0;
  req.on('response', function wait() {
    // Once the first bytes are in, give the rest time to arrive (it cannot).
    if (req.readableLength === 0) { setTimeout(wait, 20); return; }
    setTimeout(() => {
      console.log('paused: buffered <= 65535', req.readableLength <= 65535, 'some data buffered', req.readableLength > 0);
      req.on('data', (d) => { got += d.length; });
      req.resume();
    }, 200);
  });
  req.on('end', () => {
    console.log('resumed: got', got, got === big.length);
    client.close();
    server.close();
  });
});
