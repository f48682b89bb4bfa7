// An asynchronous SNICallback: the handshake waits for its callback, the
// context it gives (or the server's own when it gives none) is used, an
// error fails the handshake (tlsClientError); with OCSPRequest after it;
// synchronous answers and errors too.
const tls = require('tls');
const fs = require('fs');
const { execFileSync } = require('child_process');

const run = (...args) => execFileSync('openssl', args, { stdio: 'ignore' });
for (const cn of ['default.test', 'a.test', 'b.test']) {
  run('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${cn}-key.pem`,
    '-out', `${cn}.pem`, '-days', '3', '-subj', `/CN=${cn}`, '-addext', `subjectAltName=DNS:${cn}`);
}
const r = (f) => fs.readFileSync(f);
const ctxs = {
  'a.test': tls.createSecureContext({ key: r('a.test-key.pem'), cert: r('a.test.pem') }),
  'b.test': tls.createSecureContext({ key: r('b.test-key.pem'), cert: r('b.test.pem') }),
};
const server = tls.createServer({
  key: r('default.test-key.pem'), cert: r('default.test.pem'),
  SNICallback(name, cb) {
    console.log('server: SNICallback', name);
    if (name === 'fail.test') setTimeout(() => cb(new Error('no such host')), 10);
    else if (name === 'sync-fail.test') cb(new Error('refused at once'));
    else if (name === 'sync.test') cb(null, ctxs['a.test']);
    else setTimeout(() => cb(null, ctxs[name]), 10);
  },
}, (s) => { console.log('server: secureConnection', s.servername); s.end(); });
server.on('tlsClientError', (e) => console.log('server: tlsClientError', e.message));
server.on('OCSPRequest', (cert, issuer, cb) => {
  console.log('server: OCSPRequest for', new (require('crypto').X509Certificate)(cert).subject);
  cb(null, null);
});
server.listen(0, '127.0.0.1', async () => {
  for (const name of ['a.test', 'b.test', 'other.test', 'fail.test', 'sync.test', 'sync-fail.test']) {
    await new Promise((resolve) => {
      const c = tls.connect({ port: server.address().port, host: '127.0.0.1', servername: name, rejectUnauthorized: false, requestOCSP: name === 'b.test' }, () => {
        console.log(`client ${name}: got ${c.getPeerCertificate().subject.CN}`);
      });
      c.on('error', (e) => console.log(`client ${name}: error ${e.code}`));
      c.resume();
      c.on('close', resolve);
    });
  }
  server.close();
});
