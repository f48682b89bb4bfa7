// Session ticket keys: server.getTicketKeys() (48 random bytes per server),
// setTicketKeys() and the ticketKeys option; a TLS 1.2 session from one
// server resumes on another only when both have the same keys.  Also the
// options of tls.createSecureContext that are checked up front (sigalgs,
// ecdhCurve, dhparam, secureOptions, ticketKeys, sessionTimeout) and Node's
// legacy module ids _tls_wrap and _tls_common (translatePeerCertificate).
const tls = require('tls');
const fs = require('fs');
const { execFileSync } = require('child_process');

execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
  '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '3', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost'], { stdio: 'ignore' });
const r = (f) => fs.readFileSync(f);

function t(label, opts) {
  try {
    tls.createSecureContext(opts);
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, JSON.stringify(e.message));
  }
}
t('sigalgs bad', { sigalgs: 'NOPE+SHA1' });
t('sigalgs ok', { sigalgs: 'ECDSA+SHA256:RSA-PSS+SHA256' });
t('sigalgs number', { sigalgs: 5 });
t('sigalgs empty', { sigalgs: '' });
t('ecdhCurve bad', { ecdhCurve: 'nope' });
t('ecdhCurve list', { ecdhCurve: 'P-256:X25519' });
t('ecdhCurve auto', { ecdhCurve: 'auto' });
t('ecdhCurve number', { ecdhCurve: 1 });
t('dhparam auto', { dhparam: 'auto' });
t('secureOptions', { secureOptions: 4 });
t('secureOptions string', { secureOptions: 'x' });
t('sessionTimeout', { sessionTimeout: 10 });
t('ticketKeys short', { ticketKeys: Buffer.alloc(10) });
t('ticketKeys 48', { ticketKeys: Buffer.alloc(48, 1) });

const a = tls.createServer({});
const b = tls.createServer({});
const ka = a.getTicketKeys();
console.log('keys', ka.length, Buffer.isBuffer(ka), ka.equals(b.getTicketKeys()), ka.equals(a.getTicketKeys()));
try { a.setTicketKeys(Buffer.alloc(3)); } catch (e) { console.log(e.code, e.message.split('\n')[0]); }
try { a.setTicketKeys('x'.repeat(48)); } catch (e) { console.log(e.code); }
a.setTicketKeys(Buffer.alloc(48, 7));
console.log('set', a.getTicketKeys().equals(Buffer.alloc(48, 7)));
console.log('option', tls.createServer({ ticketKeys: Buffer.alloc(48, 9) }).getTicketKeys().equals(Buffer.alloc(48, 9)));

function server(keys) {
  return new Promise((resolve) => {
    const s = tls.createServer({ key: r('key.pem'), cert: r('cert.pem'), maxVersion: 'TLSv1.2' }, (c) => c.end('hi'));
    if (keys) s.setTicketKeys(keys);
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
}
function connect(s, session) {
  return new Promise((resolve) => {
    const c = tls.connect({ port: s.address().port, host: '127.0.0.1', servername: 'localhost', ca: r('cert.pem'), session }, () => {
      const got = { reused: c.isSessionReused(), session: c.getSession(), ticket: c.getTLSTicket() };
      c.on('close', () => resolve(got));
      c.resume();
    });
  });
}

(async () => {
  const keys = Buffer.alloc(48);
  for (let i = 0; i < 48; i++) keys[i] = i * 5;
  const s1 = await server(keys);
  const s2 = await server(Buffer.from(keys));
  const s3 = await server(null);
  const first = await connect(s1);
  console.log('first', first.reused, Buffer.isBuffer(first.ticket));
  console.log('same server', (await connect(s1, first.session)).reused);
  console.log('same keys', (await connect(s2, first.session)).reused);
  console.log('other keys', (await connect(s3, first.session)).reused);
  for (const s of [s1, s2, s3]) s.close();

  const wrap = require('_tls_wrap');
  const common = require('_tls_common');
  console.log(Object.keys(wrap), wrap.TLSSocket === tls.TLSSocket, wrap.Server === tls.Server, wrap.connect === tls.connect);
  console.log(Object.keys(common), common.SecureContext === tls.SecureContext, common.createSecureContext === tls.createSecureContext);
  const c = { subject: { CN: 'x' }, infoAccess: 'OCSP - URI:http://ocsp.example/\nCA Issuers - URI:http://ca.example/ca.der\nOCSP - URI:"http://two.example/"\n' };
  c.issuerCertificate = { subject: { CN: 'root' }, infoAccess: 'OCSP - URI:http://root.example/' };
  c.issuerCertificate.issuerCertificate = c.issuerCertificate;
  const out = common.translatePeerCertificate(c);
  console.log(out === c, out.infoAccess, out.issuerCertificate.infoAccess, common.translatePeerCertificate(null));
})();
