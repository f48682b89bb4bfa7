// Event order on a client stream, as Node: 'response'/'trailers' come on
// the next tick while DATA is pushed at once, and END_STREAM ends a stream
// that is paused with nothing buffered (gRPC clients pause after each
// message and wait for 'end'); a server stream that nobody reads still
// closes.
const http2 = require('http2');
const server = http2.createServer();
server.on('stream', (stream, headers) => {
  if (headers[':path'] === '/unread') {
    stream.respond({ ':status': 200 });
    stream.end('ignored body');
    stream.on('close', () => console.log('server: unread stream closed', stream.rstCode));
    return;
  }
  stream.on('data', () => {});
  stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
  stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
  stream.end(Buffer.from([0, 0, 0, 0, 2, 8, 1]));
});
server.listen(0, '127.0.0.1', () => {
  const client = http2.connect(`http://127.0.0.1:${server.address().port}`);
  const req = client.request({ ':method': 'POST', ':path': '/svc/Call', 'content-type': 'application/grpc' });
  req.end(Buffer.from([0, 0, 0, 0, 0]));
  const order = [];
  req.on('response', (h) => order.push(`response ${h[':status']}`));
  req.on('data', (d) => { order.push(`data ${d.length}`); req.pause(); });
  req.on('trailers', (t) => order.push(`trailers ${t['grpc-status']}`));
  req.on('end', () => order.push('end'));
  req.on('close', () => {
    order.push(`close ${req.rstCode}`);
    console.log(order.join(' | '));
    const r2 = client.request({ ':method': 'POST', ':path': '/unread' });
    r2.end('some request body that the server never reads');
    r2.on('response', (h) => console.log('unread response', h[':status']));
    r2.resume();
    r2.on('close', () => {
      console.log('unread client close', r2.rstCode);
      client.close();
      server.close();
    });
  });
});
