// https.createServer with a PKCS#12 key and certificate (pfx + passphrase),
// queried by https.get with a client pfx in an array of { buf, passphrase };
// a wrong passphrase throws from https.createServer as in Node.
const https = require('https');
const fs = require('fs');
const { execFileSync } = require('child_process');

const run = (...args) => execFileSync('openssl', args, { stdio: 'ignore' });
const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
run('req', '-x509', ...ec, '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '3', '-subj', '/CN=Test CA');
for (const [name, cn] of [['srv', 'localhost'], ['cli', 'client-two']]) {
  run('req', ...ec, '-keyout', `${name}-key.pem`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`, '-addext', `subjectAltName=DNS:${cn}`);
  run('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', `${name}.pem`, '-days', '3', '-copy_extensions', 'copy');
  run('pkcs12', '-export', '-in', `${name}.pem`, '-inkey', `${name}-key.pem`, '-certfile', 'ca.pem', '-out', `${name}.pfx`, '-passout', `pass:${name}-pass`);
}
const r = (f) => fs.readFileSync(f);

try {
  https.createServer({ pfx: r('srv.pfx'), passphrase: 'wrong' });
} catch (e) {
  console.log('wrong passphrase:', e.message);
}

const server = https.createServer({ pfx: r('srv.pfx'), passphrase: 'srv-pass', requestCert: true, rejectUnauthorized: false, ca: r('ca.pem') }, (req, res) => {
  const peer = req.socket.getPeerCertificate();
  res.end(`hello ${peer.subject ? peer.subject.CN : 'anonymous'} (authorized=${req.socket.authorized}) via ${req.method} ${req.url}\n`);
});
server.listen(0, '127.0.0.1', async () => {
  const get = (opts) => new Promise((resolve) => {
    https.get({ host: '127.0.0.1', servername: 'localhost', port: server.address().port, path: '/x', ca: r('ca.pem'), agent: false, ...opts }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => { console.log(res.statusCode, body.trim()); resolve(); });
    }).on('error', (e) => { console.log('error', e.message); resolve(); });
  });
  await get({ pfx: [{ buf: r('cli.pfx'), passphrase: 'cli-pass' }] });
  await get({});
  server.close(() => console.log('closed'));
});
