// A server with requestCert: a client certificate signed by the server's
// trusted CA is authorized; a client without one is not (authorizationError)
// and, with rejectUnauthorized on the server, is refused (tlsClientError).
const tls = require('tls');
const fs = require('fs');
const { execFileSync } = require('child_process');

const run = (...args) => execFileSync('openssl', args, { stdio: 'ignore' });
const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
run('req', '-x509', ...ec, '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '3', '-subj', '/CN=Test CA');
run('req', '-x509', ...ec, '-keyout', 'srv-key.pem', '-out', 'srv.pem', '-days', '3', '-subj', '/CN=localhost',
  '-addext', 'subjectAltName=DNS:localhost');
run('req', ...ec, '-keyout', 'cli-key.pem', '-out', 'cli.csr', '-subj', '/CN=client one');
run('x509', '-req', '-in', 'cli.csr', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', 'cli.pem', '-days', '3');
const r = (f) => fs.readFileSync(f);

function serve(rejectUnauthorized) {
  return new Promise((resolve) => {
    const server = tls.createServer({ key: r('srv-key.pem'), cert: r('srv.pem'), ca: r('ca.pem'), requestCert: true, rejectUnauthorized }, (s) => {
      const peer = s.getPeerCertificate();
      console.log(`server(reject=${rejectUnauthorized}): authorized=${s.authorized} error=${s.authorizationError} peer=${peer.subject ? peer.subject.CN : 'none'} issuer=${peer.issuer ? peer.issuer.CN : 'none'}`);
      s.end('bye');
    });
    server.on('tlsClientError', (e) => console.log(`server(reject=${rejectUnauthorized}): tlsClientError ${e.code}`));
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function connect(server, withCert) {
  return new Promise((resolve) => {
    const opts = { port: server.address().port, host: '127.0.0.1', servername: 'localhost', ca: r('srv.pem') };
    if (withCert) Object.assign(opts, { key: r('cli-key.pem'), cert: r('cli.pem') });
    const c = tls.connect(opts);
    let body = '';
    c.on('data', (d) => { body += d; });
    c.on('error', (e) => { console.log(`client(cert=${withCert}): error ${e.code || e.message}`); });
    c.on('close', () => { console.log(`client(cert=${withCert}): got '${body}'`); resolve(); });
  });
}

(async () => {
  const lax = await serve(false);
  await connect(lax, true);
  await connect(lax, false);
  lax.close();
  const strict = await serve(true);
  await connect(strict, true);
  await connect(strict, false);
  strict.close(() => console.log('done'));
})();
