// sessionIdContext: servers that share ticket keys resume each other's TLS
// 1.2 sessions only with the same session id context (by default a hash of
// the command line, the same in one process); its checks.
const tls = require('tls');
const fs = require('fs');
const { execFileSync } = require('child_process');
execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
  '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '3', '-subj', '/CN=localhost'], { stdio: 'ignore' });
const r = (f) => fs.readFileSync(f);
for (const v of ['x'.repeat(40), 5, 'x'.repeat(32), '']) {
  try { tls.createSecureContext({ sessionIdContext: v }); console.log(String(v).length, 'ok'); } catch (e) { console.log(String(v).length, e.name, e.code); }
}
const keys = Buffer.alloc(48, 3);
function server(sessionIdContext) {
  return new Promise((resolve) => {
    const s = tls.createServer({ key: r('key.pem'), cert: r('cert.pem'), maxVersion: 'TLSv1.2', ticketKeys: keys, sessionIdContext }, (c) => c.end());
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
}
function connect(s, session) {
  return new Promise((resolve) => {
    const c = tls.connect({ port: s.address().port, host: '127.0.0.1', rejectUnauthorized: false, session }, () => {
      const got = [c.isSessionReused(), c.getSession()];
      c.on('close', () => resolve(got));
      c.resume();
    });
  });
}
(async () => {
  const a = await server(undefined);
  const b = await server(undefined);
  const c = await server('other context');
  const d = await server('other context');
  const [, s1] = await connect(a);
  console.log('default, default:', (await connect(b, s1))[0]);
  console.log('default, other:', (await connect(c, s1))[0]);
  const [, s2] = await connect(c);
  console.log('other, other:', (await connect(d, s2))[0]);
  for (const s of [a, b, c, d]) s.close();
})();
