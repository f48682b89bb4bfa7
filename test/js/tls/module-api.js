// The tls module's exports (createSecurePair, deprecated, is not provided by
// devrun-js and left out here), tls.getCiphers() (OpenSSL's default list plus
// the TLS 1.3 suites, lower-cased, sorted, a fresh copy each call), and an
// https.Agent caching the sessions its connections get ('session', TLS 1.3
// tickets included) so that its next connection resumes.
const tls = require('tls');
const https = require('https');
const fs = require('fs');
const { execFileSync } = require('child_process');

console.log(Object.keys(tls).filter((k) => k !== 'createSecurePair').sort().join(' '));
const c = tls.getCiphers();
console.log(c.length > 40, c.every((x, i) => x === x.toLowerCase() && (i === 0 || c[i - 1] < x)),
  ['tls_aes_128_gcm_sha256', 'tls_chacha20_poly1305_sha256', 'ecdhe-rsa-aes128-gcm-sha256', 'aes256-sha'].map((n) => c.includes(n)),
  tls.getCiphers() !== c, tls.getCiphers().join() === c.join());
console.log(JSON.stringify(c));

execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
  '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '3', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost'], { stdio: 'ignore' });
const server = https.createServer({ key: fs.readFileSync('key.pem'), cert: fs.readFileSync('cert.pem') }, (req, res) => {
  res.end(`reused=${req.socket.isSessionReused()}`);
});
server.listen(0, '127.0.0.1', async () => {
  const agent = new https.Agent({ keepAlive: false, maxCachedSessions: 4 });
  for (const maxVersion of ['TLSv1.3', 'TLSv1.2']) {
    for (let i = 0; i < 2; i++) {
      await new Promise((resolve) => {
        https.get({ host: '127.0.0.1', port: server.address().port, servername: 'localhost', ca: fs.readFileSync('cert.pem'), agent, maxVersion }, (res) => {
          let body = '';
          res.on('data', (d) => { body += d; });
          res.on('end', () => { console.log(maxVersion, i, body); resolve(); });
        });
      });
    }
  }
  const names = agent._sessionCache.list;
  console.log(names.length, names.every((n) => Buffer.isBuffer(agent._getSession(n))), agent._getSession('nope'));
  server.close();
});
