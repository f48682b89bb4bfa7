// The crl option: a certificate revoked by a CRL of its CA fails
// verification with CERT_REVOKED (one CRL or an array), others still pass;
// data that is not a CRL is Node's "Failed to parse CRL".  The CA and its CRL
// are made by \`openssl ca\` at test time.
const tls = require('tls');
const fs = require('fs');
const { execFileSync } = require('child_process');
const run = (...args) => execFileSync('openssl', args, { stdio: 'ignore' });
fs.writeFileSync('ca.cnf', `[ca]\ndefault_ca=d\n[d]\ndatabase=index.txt\ncrlnumber=crlnumber\ndefault_md=sha256\ndefault_crl_days=3\n`);
fs.writeFileSync('index.txt', ''); fs.writeFileSync('crlnumber', '01\n');
const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
run('req', '-x509', ...ec, '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '3', '-subj', '/CN=CRL Test CA');
for (const n of ['good', 'revoked']) {
  run('req', ...ec, '-keyout', `${n}-key.pem`, '-out', `${n}.csr`, '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost');
  run('x509', '-req', '-in', `${n}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', `${n}.pem`, '-days', '3', '-copy_extensions', 'copy');
}
run('ca', '-config', 'ca.cnf', '-keyfile', 'ca-key.pem', '-cert', 'ca.pem', '-revoke', 'revoked.pem');
run('ca', '-config', 'ca.cnf', '-keyfile', 'ca-key.pem', '-cert', 'ca.pem', '-gencrl', '-out', 'crl.pem');
const r = (f) => fs.readFileSync(f);
(async () => {
  for (const n of ['good', 'revoked']) {
    const server = tls.createServer({ key: r(`${n}-key.pem`), cert: r(`${n}.pem`) }, (s) => s.end());
    await new Promise((res) => server.listen(0, '127.0.0.1', res));
    for (const crl of [undefined, r('crl.pem'), [r('crl.pem')]]) {
      await new Promise((resolve) => {
        const c = tls.connect({ port: server.address().port, host: '127.0.0.1', servername: 'localhost', ca: r('ca.pem'), crl, rejectUnauthorized: false }, () => {
          console.log(n, crl ? 'crl' : 'no crl', c.authorized, c.authorizationError);
        });
        c.resume(); c.on('close', resolve);
      });
    }
    server.close();
  }
  try { tls.createSecureContext({ crl: 'garbage' }); console.log('garbage ok'); } catch (e) { console.log(e.code, e.message); }
})();
