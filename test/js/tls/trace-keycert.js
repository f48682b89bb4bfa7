// tlsSocket.enableTrace() and the enableTrace option write OpenSSL's protocol
// trace to stderr (checked in a child process); setKeyCert() makes a
// server-side TLSSocket present another context's key and certificate.
const tls = require('tls');
const net = require('net');
const fs = require('fs');
const { execFileSync, spawnSync } = require('child_process');

const run = (...args) => execFileSync('openssl', args, { stdio: 'ignore' });
for (const cn of ['first', 'second']) {
  run('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${cn}-key.pem`,
    '-out', `${cn}.pem`, '-days', '3', '-subj', `/CN=${cn}`, '-addext', `subjectAltName=DNS:${cn}`);
}
const r = (f) => fs.readFileSync(f);

const child = `
const tls = require('tls'); const fs = require('fs');
const server = tls.createServer({ key: fs.readFileSync('first-key.pem'), cert: fs.readFileSync('first.pem'),
  enableTrace: process.argv[1] === 'server' }, (s) => s.end('ok'));
server.listen(0, '127.0.0.1', () => {
  const c = tls.connect({ port: server.address().port, host: '127.0.0.1', servername: 'first', ca: fs.readFileSync('first.pem') });
  if (process.argv[1] === 'client') c.enableTrace();
  c.on('data', (d) => process.stdout.write(String(d)));
  c.on('end', () => server.close());
});`;
for (const side of ['client', 'server', 'none']) {
  const res = spawnSync(process.execPath, ['-e', child, side], { encoding: 'utf8' });
  const err = res.stderr;
  console.log(side, res.status, res.stdout, ['ClientHello', 'ServerHello', 'Finished', 'ApplicationData']
    .map((w) => `${w}:${err.includes(w)}`).join(' '), err.includes('Sent Record') && err.includes('Received Record'));
}

const first = tls.createSecureContext({ key: r('first-key.pem'), cert: r('first.pem') });
const server = net.createServer((raw) => {
  const s = new tls.TLSSocket(raw, { isServer: true, secureContext: first });
  if (server.swap) s.setKeyCert({ key: r('second-key.pem'), cert: r('second.pem') });
  s.on('secure', () => s.end('hi'));
  s.on('error', (e) => console.log('server error', e.code));
});
server.listen(0, '127.0.0.1', async () => {
  for (const swap of [false, true]) {
    server.swap = swap;
    await new Promise((resolve) => {
      const c = tls.connect({ port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false }, () => {
        console.log(`setKeyCert=${swap}: the server presents ${c.getPeerCertificate().subject.CN}`);
      });
      c.resume();
      c.on('close', resolve);
    });
  }
  server.close();
});
