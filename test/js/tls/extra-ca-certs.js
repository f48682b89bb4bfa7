// Contexts without `ca` trust the system store plus NODE_EXTRA_CA_CERTS
// (read once, shared by every such context): a child process with the test
// CA in NODE_EXTRA_CA_CERTS verifies the server on several connections; an
// explicit `ca` replaces the store; without the variable the server is not
// trusted.
const tls = require('tls');
const fs = require('fs');
const { execFileSync, spawnSync } = require('child_process');

const run = (...args) => execFileSync('openssl', args, { stdio: 'ignore' });
const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
run('req', '-x509', ...ec, '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '3', '-subj', '/CN=Extra Test CA');
run('req', ...ec, '-keyout', 'srv-key.pem', '-out', 'srv.csr', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost');
run('x509', '-req', '-in', 'srv.csr', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', 'srv.pem', '-days', '3', '-copy_extensions', 'copy');
run('req', '-x509', ...ec, '-keyout', 'other-key.pem', '-out', 'other.pem', '-days', '3', '-subj', '/CN=Other CA');

const child = `
const tls = require('tls'); const fs = require('fs');
const server = tls.createServer({ key: fs.readFileSync('srv-key.pem'), cert: fs.readFileSync('srv.pem') }, (s) => s.end('ok'));
server.listen(0, '127.0.0.1', async () => {
  for (const opts of [{}, {}, { ca: fs.readFileSync('other.pem') }, { ca: [fs.readFileSync('other.pem'), fs.readFileSync('ca.pem')] }, {}]) {
    await new Promise((resolve) => {
      const c = tls.connect({ port: server.address().port, host: '127.0.0.1', servername: 'localhost', rejectUnauthorized: false, ...opts }, () => {
        console.log('ca' in opts ? 'with ca ' + [].concat(opts.ca).length : 'system store', c.authorized, c.authorizationError);
        c.end();
      });
      c.resume();
      c.on('close', resolve);
    });
  }
  server.close();
});`;
for (const extra of ['ca.pem', undefined]) {
  const env = { ...process.env };
  if (extra) env.NODE_EXTRA_CA_CERTS = extra; else delete env.NODE_EXTRA_CA_CERTS;
  const res = spawnSync(process.execPath, ['-e', child], { encoding: 'utf8', env });
  console.log(`NODE_EXTRA_CA_CERTS=${extra}:`, res.status);
  process.stdout.write(res.stdout);
}
