// Pre-shared keys: pskCallback on the client (hint -> { psk, identity }) and
// the server (socket, identity -> key or { psk }), pskIdentityHint, TLS 1.2
// PSK ciphers and TLS 1.3; an unknown identity, a client without an answer,
// a throwing server callback, an oversized key and a bad pskCallback fail
// as in Node; without a certificate checkServerIdentity still runs on TLS 1.2.
const tls = require('tls');
const KEY = Buffer.from('d731ef57be09e5204f0b205b60627028', 'hex');
function test(label, sopts, copts) {
  return new Promise((resolve) => {
    const server = tls.createServer({
      pskIdentityHint: 'hint-from-server',
      pskCallback(socket, identity) {
        console.log(label, 'server pskCallback', socket instanceof tls.TLSSocket, identity);
        if (identity === 'throw') throw new Error('boom');
        return identity === 'good' ? KEY : identity === 'obj' ? { psk: KEY } : null;
      },
      ...sopts,
    }, (s) => { console.log(label, 'server secureConnection', s.getProtocol(), s.getCipher().name, s.authorized); s.end('psk hello'); });
    // (a client that fails before sending anything: when the server sees the
    // disconnect is a matter of timing, so it is not printed)
    server.on('tlsClientError', (e) => { if (label !== 'tls12-huge') console.log(label, 'tlsClientError', e.code || e.message); });
    // done when the client and the server's end of the connection have
    // closed (so the server's events come first)
    let open = 1;
    const done = () => { if (--open === 0) { server.close(); setImmediate(resolve); } };
    server.on('connection', (raw) => { open++; raw.on('close', () => setImmediate(done)); });
    server.listen(0, '127.0.0.1', () => {
      const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ...copts }, () => {
        console.log(label, 'client secureConnect', c.getProtocol(), c.getCipher().name, c.authorized, c.authorizationError, JSON.stringify(c.getPeerCertificate()));
      });
      let body = '';
      c.on('data', (d) => { body += d; });
      c.on('error', (e) => console.log(label, 'client error', e.code, e.code && e.code.startsWith('ERR_SSL') ? '' : e.message.split('.')[0]));
      c.on('close', () => { console.log(label, 'body', body); done(); });
    });
  });
}
const cb = (id) => (hint) => { console.log('client pskCallback hint', hint); return id === null ? null : { psk: KEY, identity: id }; };
(async () => {
  await test('tls12', { ciphers: 'PSK-AES128-GCM-SHA256', maxVersion: 'TLSv1.2' }, { ciphers: 'PSK-AES128-GCM-SHA256', pskCallback: cb('good'), checkServerIdentity: () => undefined });
  await test('tls12-noci', { ciphers: 'PSK-AES128-GCM-SHA256', maxVersion: 'TLSv1.2' }, { ciphers: 'PSK-AES128-GCM-SHA256', pskCallback: cb('good') });
  await test('tls13', {}, { pskCallback: cb('obj') });
  await test('tls12-bad', { ciphers: 'PSK-AES128-GCM-SHA256', maxVersion: 'TLSv1.2' }, { ciphers: 'PSK-AES128-GCM-SHA256', pskCallback: cb('bad') });
  await test('tls12-throw', { ciphers: 'PSK-AES128-GCM-SHA256', maxVersion: 'TLSv1.2' }, { ciphers: 'PSK-AES128-GCM-SHA256', pskCallback: cb('throw') });
  await test('tls12-nullclient', { ciphers: 'PSK-AES128-GCM-SHA256', maxVersion: 'TLSv1.2' }, { ciphers: 'PSK-AES128-GCM-SHA256', pskCallback: cb(null) });
  await test('tls12-long', { ciphers: 'PSK-AES128-GCM-SHA256', maxVersion: 'TLSv1.2' }, { ciphers: 'PSK-AES128-GCM-SHA256', pskCallback: () => ({ psk: Buffer.alloc(300), identity: 'x' }) });
  await test('tls12-huge', { ciphers: 'PSK-AES128-GCM-SHA256', maxVersion: 'TLSv1.2' }, { ciphers: 'PSK-AES128-GCM-SHA256', pskCallback: () => ({ psk: Buffer.alloc(600), identity: 'x' }) });
  try { tls.createServer({ pskIdentityHint: 'x'.repeat(200), pskCallback() {} }); console.log('long hint ok'); } catch (e) { console.log(e.code, e.message); }
  try { tls.connect({ port: 1, pskCallback: 5 }); } catch (e) { console.log(e.code, e.message); }
})();
