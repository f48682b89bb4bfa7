// h2c (HTTP/2 over cleartext TCP) client and server, both on http2 core
// API: 'stream' with request headers, respond/end, a POST body echoed back,
// several concurrent streams on one session, response trailers
// (waitForTrailers/sendTrailers), 1xx informational headers, HEAD,
// ping with payload, settings exchange, session.close and the 'close'
// events in order.
const http2 = require('http2');
const { HTTP2_HEADER_PATH, HTTP2_HEADER_STATUS, HTTP2_HEADER_METHOD } = http2.constants;

let sessionsClosed = 0;
const server = http2.createServer();
server.on('session', (s) => {
  console.log('server session', s.type, s.alpnProtocol, s.encrypted);
  s.on('close', () => { sessionsClosed++; });
});
server.on('stream', (stream, headers, flags) => {
  const path = headers[HTTP2_HEADER_PATH];
  const method = headers[HTTP2_HEADER_METHOD];
  console.log('server stream', stream.id, method, path, 'flags', flags, 'endAfterHeaders', stream.endAfterHeaders,
    'x-test', headers['x-test'], 'cookie', headers.cookie);
  if (path === '/echo') {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      stream.respond({ [HTTP2_HEADER_STATUS]: 201, 'content-type': 'text/plain', 'set-cookie': ['a=1', 'b=2'] });
      stream.end('echo:' + Buffer.concat(chunks).toString());
    });
  } else if (path === '/trailers') {
    stream.respond({ ':status': 200 }, { waitForTrailers: true });
    stream.on('wantTrailers', () => {
      console.log('server wantTrailers');
      stream.sendTrailers({ 'x-checksum': 'abc', 'x-count': 2 });
    });
    stream.write('one,');
    stream.end('two');
  } else if (path === '/info') {
    stream.additionalHeaders({ ':status': 103, link: '</a.css>; rel=preload' });
    stream.respond({ ':status': 200 });
    stream.end('after info');
  } else if (path === '/head') {
    stream.respond({ ':status': 200, 'content-length': 5 });
    stream.end();
  } else if (path === '/empty') {
    stream.respond({ ':status': 204 });
  } else {
    stream.respond({ ':status': 404 });
    stream.end('not found: ' + path);
  }
});

function request(client, headers, body) {
  return new Promise((resolve) => {
    const req = client.request(headers);
    const events = [];
    let data = '';
    req.setEncoding('utf8');
    req.on('headers', (h) => events.push(`headers ${h[':status']} ${h.link}`));
    req.on('response', (h, flags) => {
      events.push(`response ${h[':status']} type=${h['content-type']} set-cookie=${JSON.stringify(h['set-cookie'])} len=${h['content-length']} flags=${flags} date=${typeof h.date}`);
    });
    req.on('data', (d) => { data += d; });
    req.on('trailers', (t) => events.push(`trailers ${t['x-checksum']} ${t['x-count']}`));
    req.on('end', () => events.push(`end data=${JSON.stringify(data)}`));
    req.on('close', () => {
      events.push(`close rstCode=${req.rstCode} closed=${req.closed} destroyed=${req.destroyed}`);
      resolve(events);
    });
    if (body !== undefined) req.end(body);
  });
}

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const client = http2.connect(`http://127.0.0.1:${port}`);
  console.log('connecting', client.connecting, client.type, client.closed, client.destroyed);
  client.on('connect', (session, socket) => {
    console.log('connect', session === client, typeof socket.remotePort, client.alpnProtocol, client.encrypted);
  });
  client.once('remoteSettings', (s) => console.log('remoteSettings maxFrameSize', s.maxFrameSize, 'enablePush', typeof s.enablePush));
  client.on('close', () => {
    console.log('client close', client.closed, client.destroyed);
    server.close(() => setTimeout(() => console.log('server closed, sessions closed:', sessionsClosed), 50));
  });
  (async () => {
    for (const l of await request(client, { ':path': '/echo', ':method': 'POST', 'x-test': 'yes', cookie: ['a=b', 'c=d'] }, 'hello h2')) console.log(' ', l);
    for (const l of await request(client, { ':path': '/trailers' })) console.log(' ', l);
    for (const l of await request(client, { ':path': '/info' })) console.log(' ', l);
    for (const l of await request(client, { ':path': '/head', ':method': 'HEAD' })) console.log(' ', l);
    for (const l of await request(client, { ':path': '/empty' })) console.log(' ', l);
    const many = await Promise.all([1, 2, 3].map((i) => request(client, { ':path': `/n${i}` })));
    for (const r of many) console.log(' ', r.join(' | '));
    await new Promise((resolve) => {
      const ok = client.ping(Buffer.from('abcdefgh'), (err, duration, payload) => {
        console.log('ping', err, typeof duration, duration >= 0, payload.toString());
        resolve();
      });
      console.log('ping sent', ok);
    });
    await new Promise((resolve) => {
      client.settings({ initialWindowSize: 100000 }, (err, settings) => {
        console.log('settings ack', err, settings.initialWindowSize);
        resolve();
      });
      console.log('pendingSettingsAck', client.pendingSettingsAck);
    });
    const st = client.state;
    console.log('state', typeof st.localWindowSize, st.nextStreamID);
    client.close(() => console.log('close callback'));
    console.log('after close()', client.closed, client.destroyed);
  })();
});
