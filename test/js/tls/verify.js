// Certificate verification: a self-signed certificate without `ca` is
// rejected (DEPTH_ZERO_SELF_SIGNED_CERT), a name not in the certificate's
// altnames fails checkServerIdentity (ERR_TLS_CERT_ALTNAME_INVALID), and
// rejectUnauthorized: false connects with authorized false and the reason.
const tls = require('tls');
const fs = require('fs');
const { execFileSync } = require('child_process');

execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
  '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '3', '-subj', '/CN=localhost',
  '-addext', 'subjectAltName=DNS:localhost,DNS:*.example.test,IP:127.0.0.1'], { stdio: 'ignore' });
const key = fs.readFileSync('key.pem');
const cert = fs.readFileSync('cert.pem');

let secure = 0;
const server = tls.createServer({ key, cert }, (s) => { secure++; s.end('ok'); });
server.on('tlsClientError', () => {});

function attempt(label, opts) {
  return new Promise((resolve) => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ...opts }, () => {
      console.log(`${label} connected authorized=${c.authorized} error=${c.authorizationError}`);
      c.on('data', () => {});
      c.on('close', resolve);
    });
    c.on('error', (e) => {
      console.log(label, 'error', e.code, e.message);
      if (e.code === 'ERR_TLS_CERT_ALTNAME_INVALID') console.log(label, 'reason:', e.reason, 'host:', e.host, 'cert CN:', e.cert.subject.CN);
      resolve();
    });
  });
}

server.listen(0, '127.0.0.1', async () => {
  await attempt('no ca:', {});
  await attempt('no ca, servername:', { servername: 'localhost' });
  await attempt('wrong name:', { ca: cert, servername: 'other.test' });
  await attempt('wildcard:', { ca: cert, servername: 'a.example.test' });
  await attempt('deep wildcard:', { ca: cert, servername: 'a.b.example.test' });
  await attempt('unauthorized ok:', { rejectUnauthorized: false });
  await attempt('custom check:', { ca: cert, servername: 'other.test', checkServerIdentity: () => undefined });
  console.log('server saw', secure > 0 ? 'some' : 'no', 'secure connections');
  server.close(() => console.log('closed'));
});
