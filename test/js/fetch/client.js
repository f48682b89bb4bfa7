// fetch() against a local http server: JSON, a followed redirect (POST
// becomes GET), gzip decoding, request bodies (string, URLSearchParams,
// FormData, a ReadableStream with duplex: 'half'), a streamed response read
// chunk by chunk, 404, a refused connection, abort, data: URLs.
const http = require('http');
const zlib = require('zlib');
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    if (req.url === '/redirect') { res.writeHead(302, { location: '/json' }); res.end(); return; }
    if (req.url === '/json') { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ a: 1, method: req.method })); return; }
    if (req.url === '/gzip') { res.setHeader('content-encoding', 'gzip'); res.end(zlib.gzipSync('compressed hello')); return; }
    if (req.url === '/stream') {
      res.write('part1-');
      setTimeout(() => { res.write('part2-'); setTimeout(() => res.end('end'), 10); }, 10);
      return;
    }
    if (req.url === '/echo') {
      res.setHeader('x-multi', ['a', 'b']);
      res.setHeader('set-cookie', ['c=1', 'd=2']);
      res.end(`${req.method} type=${req.headers['content-type']} te=${req.headers['transfer-encoding']} ` +
        `ua=${req.headers['user-agent']} accept=${req.headers.accept} body=${body}`);
      return;
    }
    res.statusCode = 404;
    res.end('nope');
  });
});

const closed = http.createServer();
closed.listen(0, '127.0.0.1', () => {
  const closedPort = closed.address().port;
  closed.close(() => server.listen(0, '127.0.0.1', () => run(closedPort)));
});

async function run(closedPort) {
  const base = `http://127.0.0.1:${server.address().port}`;
  let r = await fetch(`${base}/json`);
  console.log(r.status, r.ok, r.statusText, r.headers.get('content-type'), r.url === `${base}/json`, r.redirected, r.type, await r.json());
  r = await fetch(`${base}/redirect`, { method: 'POST', body: 'x' });
  console.log(r.status, r.redirected, r.url === `${base}/json`, await r.text());
  r = await fetch(`${base}/gzip`);
  console.log(await r.text());
  r = await fetch(`${base}/echo`, { method: 'PUT', body: JSON.stringify({ x: 1 }), headers: { 'content-type': 'application/json' } });
  console.log(await r.text());
  console.log([...r.headers.keys()].filter((k) => !['date', 'connection', 'keep-alive'].includes(k)), r.headers.get('x-multi'), r.headers.getSetCookie());
  r = await fetch(`${base}/echo`, { method: 'POST', body: new URLSearchParams({ q: 'a b', z: '1' }) });
  console.log(await r.text());
  const fd = new FormData();
  fd.append('name', 'value');
  fd.append('file', new Blob(['filedata'], { type: 'text/plain' }), 'f.txt');
  r = await fetch(`${base}/echo`, { method: 'POST', body: fd });
  console.log((await r.text()).replace(/-{4}[\w-]+/g, 'BOUNDARY').split('\r\n').join('|'));
  r = await fetch(`${base}/stream`);
  const reader = r.body.getReader();
  const parts = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parts.push(Buffer.from(value).toString());
  }
  console.log(parts.join(''), r.bodyUsed);
  const enc = new TextEncoder();
  r = await fetch(`${base}/echo`, {
    method: 'POST', duplex: 'half',
    body: new ReadableStream({ start(c) { c.enqueue(enc.encode('streamed ')); c.enqueue(enc.encode('body')); c.close(); } }),
  });
  console.log(await r.text());
  r = await fetch(`${base}/missing`);
  console.log(r.status, r.ok, await r.text());
  try { await fetch(`${base}/echo`, { method: 'POST', body: new ReadableStream() }); } catch (e) { console.log(e.name, e.message); }
  try { await fetch(`http://127.0.0.1:${closedPort}/`); } catch (e) { console.log(e.name, e.message, e.cause.code); }
  try { await fetch('ftp://example.com/'); } catch (e) { console.log(e.name, e.message); }
  const ac = new AbortController();
  const p = fetch(`${base}/stream`, { signal: ac.signal });
  ac.abort();
  try { await p; } catch (e) { console.log(e.name, e.message); }
  r = await fetch('data:text/plain;base64,aGVsbG8=');
  console.log(r.status, r.headers.get('content-type'), await r.text());
  server.close(() => console.log('closed'));
}
