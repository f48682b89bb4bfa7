// A server's external session cache on TLS 1.2: 'newSession' (id, data,
// done) holds the handshake until done() is called, 'resumeSession' (id,
// callback) answers with a stored session (resumed) or null (a full
// handshake); with session tickets the ticket resumes and 'newSession' is
// not emitted.  The client offers its last 'session'.
const tls = require('tls');
const fs = require('fs');
const { execFileSync } = require('child_process');

execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
  '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '3', '-subj', '/CN=localhost'], { stdio: 'ignore' });
const r = (f) => fs.readFileSync(f);
const SSL_OP_NO_TICKET = 0x4000; // crypto.constants.SSL_OP_NO_TICKET

function test(label, secureOptions, lookup) {
  console.log(`-- ${label}`);
  const cache = new Map();
  return new Promise((resolve) => {
    const server = tls.createServer({ key: r('key.pem'), cert: r('cert.pem'), maxVersion: 'TLSv1.2', secureOptions }, (s) => {
      console.log('server: secureConnection, reused', s.isSessionReused());
      s.end('x');
    });
    server.on('newSession', (id, data, done) => {
      console.log('server: newSession', id.length, Buffer.isBuffer(data), data.length > 0);
      cache.set(id.toString('hex'), data);
      setTimeout(done, 20);
    });
    server.on('resumeSession', (id, cb) => {
      console.log('server: resumeSession', id.length, 'known', cache.has(id.toString('hex')));
      setTimeout(() => cb(null, lookup ? cache.get(id.toString('hex')) || null : null), 20);
    });
    server.listen(0, '127.0.0.1', () => {
      let session;
      const go = (n) => {
        const c = tls.connect({ port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false, session }, () => {
          console.log(`client: connection ${n}, reused`, c.isSessionReused(), 'ticket', !!c.getTLSTicket());
        });
        c.on('session', (s) => { session = s; });
        c.resume();
        c.on('close', () => { if (n < 3) go(n + 1); else { server.close(); resolve(); } });
      };
      go(1);
    });
  });
}

(async () => {
  await test('session ids, cache answers', SSL_OP_NO_TICKET, true);
  await test('session ids, cache answers null', SSL_OP_NO_TICKET, false);
  await test('session tickets', 0, true);
})();
