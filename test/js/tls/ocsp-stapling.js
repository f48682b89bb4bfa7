// OCSP stapling: a client with requestOCSP gets 'OCSPResponse' (the bytes the
// server's 'OCSPRequest' listener answered, or null) before 'secureConnect';
// the listener gets the server certificate and its issuer (DER) and may
// answer later; an error from it fails the handshake (tlsClientError); a
// client that does not ask gets no 'OCSPResponse' and the server no request.
// Also 'resumeSession' answering with an error.
const tls = require('tls');
const fs = require('fs');
const { X509Certificate } = require('crypto');
const { execFileSync } = require('child_process');

const run = (...args) => execFileSync('openssl', args, { stdio: 'ignore' });
const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
run('req', '-x509', ...ec, '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '3', '-subj', '/CN=OCSP Test CA');
run('req', ...ec, '-keyout', 'srv-key.pem', '-out', 'srv.csr', '-subj', '/CN=localhost');
run('x509', '-req', '-in', 'srv.csr', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', 'srv.pem', '-days', '3');
const r = (f) => fs.readFileSync(f);

function serve(opts) {
  const server = tls.createServer({ key: r('srv-key.pem'), cert: r('srv.pem'), ...opts }, (s) => s.end('x'));
  server.on('tlsClientError', (e) => console.log('server: tlsClientError', e.message));
  return server;
}
function connect(server, opts) {
  return new Promise((resolve) => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false, ...opts }, () => console.log('client: secureConnect'));
    c.on('OCSPResponse', (resp) => console.log('client: OCSPResponse', resp === null ? null : `${Buffer.isBuffer(resp)} ${resp}`));
    c.on('error', (e) => console.log('client: error', e.code));
    c.resume();
    c.on('close', resolve);
  });
}

(async () => {
  let answer;
  const withCA = serve({ ca: r('ca.pem') });
  withCA.on('OCSPRequest', (cert, issuer, cb) => {
    console.log('server: OCSPRequest', new X509Certificate(cert).subject, issuer && new X509Certificate(issuer).subject);
    setTimeout(() => (answer instanceof Error ? cb(answer) : cb(null, answer)), 10);
  });
  await new Promise((resolve) => withCA.listen(0, '127.0.0.1', resolve));
  answer = Buffer.from('stapled response bytes');
  await connect(withCA, { requestOCSP: true });
  answer = null;
  await connect(withCA, { requestOCSP: true });
  await connect(withCA, {});
  answer = new Error('responder unreachable');
  await connect(withCA, { requestOCSP: true });
  withCA.close();

  // no issuer known to the server: null; answered synchronously
  const noCA = serve({});
  noCA.on('OCSPRequest', (cert, issuer, cb) => {
    console.log('server: OCSPRequest', new X509Certificate(cert).subject, issuer);
    cb(null, Buffer.from('sync'));
  });
  await new Promise((resolve) => noCA.listen(0, '127.0.0.1', resolve));
  await connect(noCA, { requestOCSP: true });
  noCA.close();

  // a server without the listener staples nothing
  const plain = serve({});
  await new Promise((resolve) => plain.listen(0, '127.0.0.1', resolve));
  await connect(plain, { requestOCSP: true });
  plain.close();

  const cache = serve({ maxVersion: 'TLSv1.2' });
  cache.on('resumeSession', (id, cb) => setImmediate(cb, new Error('session store down')));
  await new Promise((resolve) => cache.listen(0, '127.0.0.1', resolve));
  await connect(cache, {});
  cache.close(() => console.log('done'));
})();
