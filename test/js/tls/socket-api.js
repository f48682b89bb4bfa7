// The rest of tls.TLSSocket's API on a live connection, client and server
// side: getFinished/getPeerFinished, exportKeyingMaterial (RFC 5705, same on
// both ends; argument errors), getEphemeralKeyInfo, getSharedSigalgs,
// setMaxSendFragment, getTLSTicket, getCipher, the 'keylog' event on a
// client and on a server, and the ciphers / ecdhCurve / sigalgs /
// maxVersion / secureOptions options' effect on what is negotiated.
const tls = require('tls');
const fs = require('fs');
const { execFileSync } = require('child_process');

const run = (...args) => execFileSync('openssl', args, { stdio: 'ignore' });
run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '3',
  '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost');
const r = (f) => fs.readFileSync(f);
const hex = (b) => (b === undefined ? 'undefined' : `${b.length} bytes`);

function session(serverOpts, clientOpts, check) {
  return new Promise((resolve) => {
    const server = tls.createServer({ key: r('key.pem'), cert: r('cert.pem'), ...serverOpts });
    const serverLines = [];
    server.on('keylog', (line, sock) => serverLines.push([line, sock instanceof tls.TLSSocket]));
    server.on('secureConnection', (s) => {
      s.on('data', () => {});
      server.conn = s;
    });
    server.listen(0, '127.0.0.1', () => {
      const clientLines = [];
      const c = tls.connect({ port: server.address().port, host: '127.0.0.1', servername: 'localhost', ca: r('cert.pem'), ...clientOpts });
      c.on('keylog', (line) => clientLines.push(line));
      c.on('secureConnect', () => {
        c.write('x');
        const wait = () => {
          if (!server.conn) { setImmediate(wait); return; }
          check(c, server.conn, clientLines, serverLines);
          c.end();
          server.close(resolve);
        };
        wait();
      });
      c.on('error', (e) => { console.log('client error', e.code, e.message); server.close(resolve); });
    });
  });
}

(async () => {
  await session({}, {}, (c, s, cl, sl) => {
    console.log('protocol', c.getProtocol(), s.getProtocol());
    console.log('cipher', c.getCipher(), s.getCipher().name);
    console.log('finished', hex(c.getFinished()), hex(c.getPeerFinished()),
      c.getFinished().equals(s.getPeerFinished()), c.getPeerFinished().equals(s.getFinished()));
    const ekm = c.exportKeyingMaterial(32, 'EXPERIMENTAL-test', Buffer.from('ctx'));
    console.log('ekm', ekm.length, ekm.equals(s.exportKeyingMaterial(32, 'EXPERIMENTAL-test', Buffer.from('ctx'))),
      ekm.equals(c.exportKeyingMaterial(32, 'EXPERIMENTAL-other', Buffer.from('ctx'))),
      c.exportKeyingMaterial(10, 'EXPERIMENTAL-test').length);
    for (const args of [[-1, 'l'], [0, 'l'], [1, 2], [1, 'l', 'ctx']]) {
      try { c.exportKeyingMaterial(...args); } catch (e) { console.log('ekm error', e.code, e.message); }
    }
    console.log('ephemeral', c.getEphemeralKeyInfo(), s.getEphemeralKeyInfo());
    console.log('sigalgs', Array.isArray(s.getSharedSigalgs()), s.getSharedSigalgs().includes('RSA-PSS+SHA256'));
    console.log('fragment', c.setMaxSendFragment(1024), c.setMaxSendFragment(16384), c.setMaxSendFragment(511));
    try { c.setMaxSendFragment('x'); } catch (e) { console.log('fragment error', e.code); }
    console.log('reused', c.isSessionReused());
    const labels = (lines) => lines.map((l) => String(l).split(' ')[0]).sort().join(',');
    console.log('client keylog', cl.length, labels(cl), cl.every((l) => Buffer.isBuffer(l) && String(l).endsWith('\n')));
    console.log('server keylog', sl.length, labels(sl.map((x) => x[0])), sl.every((x) => x[1]));
  });
  await session({ maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES256-GCM-SHA384', ecdhCurve: 'P-384' }, {}, (c, s, cl) => {
    console.log('tls1.2', c.getProtocol(), c.getCipher().name, c.getEphemeralKeyInfo());
    console.log('tls1.2 finished', hex(c.getFinished()), c.getFinished().equals(s.getPeerFinished()));
    // (the ticket's size depends on how the session encodes, not printed)
    console.log('tls1.2 ticket', Buffer.isBuffer(c.getTLSTicket()) && c.getTLSTicket().length > 100, hex(s.getTLSTicket()));
    console.log('tls1.2 keylog', cl.map((l) => String(l).split(' ')[0]).join(','));
  });
  // 0x20000000 is crypto.constants.SSL_OP_NO_TLSv1_3
  await session({ secureOptions: 0x20000000 }, { sigalgs: 'RSA-PSS+SHA384' }, (c, s) => {
    console.log('secureOptions', c.getProtocol(), s.getSharedSigalgs());
  });
  await session({ ecdhCurve: 'X448:P-256' }, { ecdhCurve: 'P-256' }, (c) => {
    console.log('curve', c.getEphemeralKeyInfo());
  });
  const c = tls.connect({ port: 1, host: '127.0.0.1' });
  c.on('error', () => {});
  try { c.exportKeyingMaterial(4, 'l'); } catch (e) { console.log('before handshake', e.code, e.message); }
  console.log('before handshake', c.getFinished(), c.getPeerFinished(), c.getTLSTicket(), c.getCipher());
})();
