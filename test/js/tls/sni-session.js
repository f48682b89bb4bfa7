// A server with a default certificate and one added with addContext() for
// *.other.test: SNI picks the certificate.  Then session resumption: the
// 'session' a client receives, passed back as `session`, is reused.
const tls = require('tls');
const fs = require('fs');
const { execFileSync } = require('child_process');

function makeCert(name, cn) {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
    '-nodes', '-keyout', `${name}-key.pem`, '-out', `${name}-cert.pem`, '-days', '3', '-subj', `/CN=${cn}`,
    '-addext', `subjectAltName=DNS:${cn}`], { stdio: 'ignore' });
  return { key: fs.readFileSync(`${name}-key.pem`), cert: fs.readFileSync(`${name}-cert.pem`) };
}
const def = makeCert('default', 'default.test');
const other = makeCert('other', '*.other.test');

const server = tls.createServer({ ...def }, (s) => {
  s.end(`hello ${s.servername}`);
});
server.addContext('*.other.test', { ...other });

function get(servername, opts = {}) {
  return new Promise((resolve) => {
    let session = null;
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', servername, ca: [def.cert, other.cert], ...opts }, () => {
      console.log(servername, 'cert CN', (c.getPeerCertificate().subject || {}).CN, 'authorized', c.authorized,
        'reused', c.isSessionReused());
    });
    c.on('session', (s) => { session = s; });
    let body = '';
    c.on('data', (d) => { body += d; });
    c.on('end', () => console.log(servername, 'body', body));
    c.on('close', () => resolve(session));
    c.on('error', (e) => console.log(servername, 'error', e.code));
  });
}

server.listen(0, '127.0.0.1', async () => {
  const s1 = await get('default.test');
  await get('a.other.test');
  console.log('session is a Buffer', Buffer.isBuffer(s1));
  await get('default.test', { session: s1 });
  server.close(() => console.log('closed'));
});
