// tlsSocket.renegotiate() on TLS 1.2: the callback after each new handshake,
// 'secure' again on the server side but 'secureConnection' once, more than
// tls.CLIENT_RENEG_LIMIT renegotiations in the window emit
// ERR_TLS_SESSION_ATTACK on the server's socket; disableRenegotiation()
// makes a renegotiation an ERR_TLS_RENEGOTIATION_DISABLED error; TLS 1.3 has
// no renegotiation (OpenSSL's "wrong ssl version"); argument validation.
const tls = require('tls');
const fs = require('fs');
const { execFileSync } = require('child_process');

const run = (...args) => execFileSync('openssl', args, { stdio: 'ignore' });
const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
run('req', '-x509', ...ec, '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '3', '-subj', '/CN=localhost',
  '-addext', 'subjectAltName=DNS:localhost');
const r = (f) => fs.readFileSync(f);

function serve(opts, disable) {
  return new Promise((resolve) => {
    let n = 0;
    const server = tls.createServer({ key: r('key.pem'), cert: r('cert.pem'), ...opts }, (s) => {
      console.log('server: secureConnection', ++n, s.getProtocol());
      if (disable) s.disableRenegotiation();
      s.on('secure', () => console.log('server: secure again'));
      s.on('error', (e) => console.log('server: socket error', e.code, e.message));
      s.on('data', (d) => { console.log('server: got', String(d)); s.write(`echo:${d}`); });
    });
    server.on('tlsClientError', (e) => console.log('server: tlsClientError', e.code));
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function client(server, rounds) {
  return new Promise((done) => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', servername: 'localhost', ca: r('cert.pem') }, () => {
      console.log('client: secureConnect', c.getProtocol());
      let k = 0;
      const again = () => {
        const ok = c.renegotiate({ rejectUnauthorized: true }, (err) => {
          console.log('client: renegotiate callback', k, err ? `${err.name} ${err.code} ${err.message}` : null);
          if (err || ++k >= rounds) { c.end(); return; }
          c.write(`ping${k}`);
          c.once('data', () => again());
        });
        console.log('client: renegotiate returned', ok);
      };
      c.write('ping0');
      c.once('data', () => again());
    });
    c.on('data', (d) => console.log('client: got', String(d)));
    c.on('error', (e) => console.log('client: error', e.code, e.message));
    c.on('close', () => { server.close(); done(c); });
  });
}

(async () => {
  console.log(tls.CLIENT_RENEG_LIMIT, tls.CLIENT_RENEG_WINDOW);
  await client(await serve({ maxVersion: 'TLSv1.2' }), 5);
  await client(await serve({ maxVersion: 'TLSv1.2' }, true), 2);
  const c = await client(await serve({ maxVersion: 'TLSv1.3' }), 1);
  console.log('after close:', c.renegotiate({}, () => console.log('not called')));
  for (const args of [[5], [null], [{}, 'cb']]) {
    try { c.renegotiate(...args); } catch (e) { console.log(e.code, e.message); }
  }
})();
