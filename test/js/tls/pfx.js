// PKCS#12 (pfx) in tls.createSecureContext/createServer/connect: with a
// passphrase, without one, as an array of { buf, passphrase } (falling back
// to options.passphrase); a wrong passphrase ("mac verify failure"), data that
// is not PKCS#12, a PEM file and a number are errors as in Node.  The CA
// certificates inside the pfx make the chain the server sends, and a client
// pfx authenticates the client.
const tls = require('tls');
const fs = require('fs');
const { execFileSync } = require('child_process');

const run = (...args) => execFileSync('openssl', args, { stdio: 'ignore' });
const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
run('req', '-x509', ...ec, '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '3', '-subj', '/CN=Test CA');
for (const [name, cn] of [['srv', 'localhost'], ['cli', 'client one']]) {
  run('req', ...ec, '-keyout', `${name}-key.pem`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`, '-addext', `subjectAltName=DNS:${cn.replace(' ', '-')}`);
  run('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', `${name}.pem`, '-days', '3', '-copy_extensions', 'copy');
}
run('pkcs12', '-export', '-in', 'srv.pem', '-inkey', 'srv-key.pem', '-certfile', 'ca.pem', '-out', 'srv.pfx', '-passout', 'pass:sekrit');
run('pkcs12', '-export', '-in', 'srv.pem', '-inkey', 'srv-key.pem', '-out', 'nopass.pfx', '-passout', 'pass:');
run('pkcs12', '-export', '-in', 'cli.pem', '-inkey', 'cli-key.pem', '-out', 'cli.pfx', '-passout', 'pass:client');
const r = (f) => fs.readFileSync(f);

function tryCtx(label, opts) {
  try {
    console.log(label, tls.createSecureContext(opts) instanceof tls.SecureContext);
  } catch (e) {
    console.log(label, e.name, e.code, e.message, Object.keys(e));
  }
}
tryCtx('right passphrase', { pfx: r('srv.pfx'), passphrase: 'sekrit' });
tryCtx('wrong passphrase', { pfx: r('srv.pfx'), passphrase: 'nope' });
tryCtx('no passphrase', { pfx: r('srv.pfx') });
tryCtx('empty password pfx', { pfx: r('nopass.pfx') });
tryCtx('array', { pfx: [{ buf: r('srv.pfx'), passphrase: 'sekrit' }] });
tryCtx('array, wrong own passphrase', { pfx: [{ buf: r('srv.pfx'), passphrase: 'x' }], passphrase: 'sekrit' });
tryCtx('array, options.passphrase', { pfx: [{ buf: r('srv.pfx') }], passphrase: 'sekrit' });
tryCtx('array of buffers', { pfx: [r('nopass.pfx')] });
tryCtx('garbage', { pfx: Buffer.from('not a pfx at all') });
tryCtx('string', { pfx: 'not a pfx' });
tryCtx('number', { pfx: 42 });
tryCtx('PEM as pfx', { pfx: r('srv.pem') });

function serve(opts) {
  return new Promise((resolve) => {
    const server = tls.createServer(opts, (s) => {
      const peer = s.getPeerCertificate();
      console.log(`server: ${s.getProtocol()} authorized=${s.authorized} peer=${peer.subject ? peer.subject.CN : 'none'}`);
      s.end('hello');
    });
    server.on('tlsClientError', (e) => console.log('server: tlsClientError', e.code));
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function connect(server, opts) {
  return new Promise((resolve) => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', servername: 'localhost', ...opts }, () => {
      const p = c.getPeerCertificate(true);
      console.log(`client: authorized=${c.authorized} ${p.subject.CN} issued by ${p.issuer.CN}, issuer's issuer ${p.issuerCertificate.subject.CN}`);
    });
    let body = '';
    c.on('data', (d) => { body += d; });
    c.on('error', (e) => console.log('client: error', e.code, e.message));
    c.on('close', () => { console.log(`client: got '${body}'`); resolve(); });
  });
}

(async () => {
  let server = await serve({ pfx: r('srv.pfx'), passphrase: 'sekrit' });
  await connect(server, { ca: r('ca.pem') });
  await connect(server, {}); // the system store does not know Test CA
  server.close();
  server = await serve({ pfx: [{ buf: r('srv.pfx'), passphrase: 'sekrit' }], requestCert: true, rejectUnauthorized: true, ca: r('ca.pem') });
  await connect(server, { ca: r('ca.pem'), pfx: r('cli.pfx'), passphrase: 'client' });
  server.close(() => console.log('done'));
})();
