// wss:// over TLS, on an https server with a certificate made at test time:
// untrusted, the handshake fails like any network error (no 'close');
// trusted (a child runtime started with NODE_EXTRA_CA_CERTS, and the
// --experimental-websocket flag) it opens, echoes text and binary, and
// closes cleanly; https:// URLs become wss://.
// the server side: test/js/websocket/_server.js
const { http, crypto, GUID, acceptKey, accept, frame, closeFrame, readFrames } = require('./_server');
const https = require('https');
const fs = require('fs');
const { execFileSync, execFile } = require('child_process');

execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
  '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '3', '-subj', '/CN=localhost',
  '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
const server = https.createServer({ key: fs.readFileSync('key.pem'), cert: fs.readFileSync('cert.pem') });
server.on('upgrade', (req, socket, head) => {
  socket.on('error', () => {});
  console.log('server: upgrade', req.url, 'encrypted', socket.encrypted);
  accept(req, socket);
  readFrames(socket, head, (f) => {
    if (f.op === 8) { socket.end(frame(8, f.payload)); return; }
    socket.write(frame(f.op, f.op === 1 ? `echo:${f.payload}` : f.payload));
  });
});

const client = `
const ws = new WebSocket(process.argv[1]);
ws.binaryType = 'arraybuffer';
ws.onopen = () => { console.log('client: open', ws.url.replace(/:\\d+/, ':PORT')); ws.send('secret'); ws.send(new Uint8Array(70000).fill(1)); };
ws.onmessage = (e) => {
  console.log('client: message', typeof e.data === 'string' ? e.data : e.data.byteLength);
  if (typeof e.data !== 'string') ws.close(4000, 'tls done');
};
ws.onerror = (e) => console.log('client: error', e.message);
ws.onclose = (e) => console.log('client: close', e.code, e.reason, e.wasClean);
`;

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const ws = new WebSocket(`wss://localhost:${port}/untrusted`);
  ws.onopen = () => console.log('unexpected open');
  ws.onclose = () => console.log('unexpected close');
  ws.onerror = (e) => {
    console.log('untrusted: error', e.message, 'state', ws.readyState);
    execFile(process.execPath, ['--experimental-websocket', '-e', client, `https://localhost:${port}/trusted`],
      { env: { ...process.env, NODE_EXTRA_CA_CERTS: 'cert.pem' } }, (err, stdout, stderr) => {
        process.stdout.write(stdout);
        if (err) console.log('child failed', err.code, stderr);
        server.close(() => console.log('done'));
      });
  };
});
