// The compatibility API over h2c with an http-style handler: request body
// streaming, res.write in pieces, writeHead with a header object, addTrailers,
// 'finish'/'close' on the response; bodies larger than the 64 KiB flow-control
// window both ways (1 MiB up and 2 MiB down); respondWithFile with a
// statCheck and a missing file (onError); a server GOAWAY seen by the client.
const http2 = require('http2');
const fs = require('fs');
const crypto = require('crypto');

fs.writeFileSync('file.txt', 'file contents\n'.repeat(100));
const big = crypto.createHash('sha256');
const down = Buffer.alloc(2 * 1024 * 1024);
for (let i = 0; i < down.length; i++) down[i] = (i * 7) & 255;

const server = http2.createServer((req, res) => {
  if (req.url === '/upload') {
    const h = crypto.createHash('sha256');
    let n = 0;
    req.on('data', (c) => { n += c.length; h.update(c); });
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/plain', 'x-bytes': n });
      res.write('got ');
      res.write(String(n));
      res.addTrailers({ 'x-sha': h.digest('hex').slice(0, 16) });
      res.end(' bytes');
    });
    res.on('finish', () => console.log('server: upload response finish'));
    res.on('close', () => console.log('server: upload response close'));
  } else if (req.url === '/download') {
    res.setHeader('content-length', down.length);
    res.end(down);
  } else if (req.url === '/other') {
    res.statusCode = 404;
    res.end();
  }
  // /file and /missing are answered by the 'stream' listener below.
});
server.on('stream', (stream, headers) => {
  if (headers[':path'] === '/file') {
    stream.respondWithFile('file.txt', { 'content-type': 'text/plain' }, {
      statCheck(stat, headers) { headers['x-size'] = stat.size; },
    });
  } else if (headers[':path'] === '/missing') {
    stream.respondWithFile('nope.txt', {}, {
      onError(err) {
        console.log('server: onError', err.code);
        stream.respond({ ':status': 404 });
        stream.end();
      },
    });
  }
});

function request(client, headers, body) {
  return new Promise((resolve) => {
    const req = client.request(headers);
    const chunks = [];
    let head;
    req.on('response', (h) => { head = h; });
    req.on('trailers', (t) => console.log('  trailers x-sha', t['x-sha']));
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve({ head, body: Buffer.concat(chunks) }));
    req.on('error', (e) => console.log('  error', e.code));
    if (body) req.end(body);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const client = http2.connect(`http://127.0.0.1:${server.address().port}`);
  client.on('goaway', (code, last, data) => {
    console.log('client goaway', code, last, data === undefined ? 'no data' : data.length);
    client.close();
    serverSessions.forEach((s) => s.destroy());
  });
  client.on('close', () => {
    console.log('client close');
    server.close(() => console.log('server closed'));
    fs.unlinkSync('file.txt');
  });
  const up = Buffer.alloc(1024 * 1024, 'u');
  big.update(up);
  let r = await request(client, { ':method': 'POST', ':path': '/upload' }, up);
  console.log('upload', r.head[':status'], r.head['x-bytes'], r.body.toString(), 'expected sha', big.digest('hex').slice(0, 16));
  r = await request(client, { ':path': '/download' });
  console.log('download', r.head[':status'], r.head['content-length'], r.body.length, r.body.equals(down));
  r = await request(client, { ':path': '/file' });
  console.log('file', r.head[':status'], r.head['content-type'], r.head['content-length'], r.head['x-size'],
    typeof r.head['last-modified'], r.body.length);
  r = await request(client, { ':path': '/missing' });
  console.log('missing', r.head[':status'], r.body.length);
  r = await request(client, { ':path': '/other' });
  console.log('other', r.head[':status']);
  // The server says goodbye: every server session sends GOAWAY.
  serverSessions.forEach((s) => s.goaway(0));
});
const serverSessions = [];
server.on('session', (s) => serverSessions.push(s));
