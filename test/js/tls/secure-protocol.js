// secureProtocol (OpenSSL method names: the versions they allow, SSLv2/v3
// and unknown names refused, a conflict with minVersion/maxVersion), the
// minVersion check, and honorCipherOrder (servers prefer their own order by
// default, as Node).  The TLSv1/1.1 connections need @SECLEVEL=0 on both sides.
const { execFileSync } = require('child_process');
execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
  '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '3', '-subj', '/CN=localhost'], { stdio: 'ignore' });
const tls = require('tls');
const fs = require('fs');
const t = (l, o) => { try { tls.createSecureContext(o); console.log(l, 'ok'); } catch (e) { console.log(l, e.name, e.code, e.message); } };
t('bad', { secureProtocol: 'Nope_method' });
t('ssl2', { secureProtocol: 'SSLv2_method' });
t('ssl3', { secureProtocol: 'SSLv3_method' });
t('conflict', { secureProtocol: 'TLSv1_2_method', minVersion: 'TLSv1.2' });
t('conflict2', { secureProtocol: 'TLSv1_2_method', maxVersion: 'TLSv1.3' });
t('num', { secureProtocol: 5 });
t('badmin', { minVersion: 'TLSv9' });
const server = tls.createServer({ key: fs.readFileSync('key.pem'), cert: fs.readFileSync('cert.pem'), minVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' }, (s) => s.end());
server.listen(0, '127.0.0.1', async () => {
  for (const sp of ['TLS_method', 'SSLv23_method', 'TLSv1_2_method', 'TLSv1_2_client_method', 'TLS_client_method', 'TLSv1_1_method']) {
    await new Promise((resolve) => {
      const c = tls.connect({ port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false, secureProtocol: sp, ciphers: 'DEFAULT:@SECLEVEL=0' }, () => { console.log(sp, c.getProtocol()); c.end(); });
      c.on('error', (e) => { console.log(sp, 'error', e.code); resolve(); });
      c.on('close', resolve);
    });
  }
  const s2 = tls.createServer({ key: fs.readFileSync('key.pem'), cert: fs.readFileSync('cert.pem'), honorCipherOrder: true, ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256', maxVersion: 'TLSv1.2' }, (s) => s.end());
  const s3 = tls.createServer({ key: fs.readFileSync('key.pem'), cert: fs.readFileSync('cert.pem'), ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256', maxVersion: 'TLSv1.2' }, (s) => s.end());
  const s4 = tls.createServer({ key: fs.readFileSync('key.pem'), cert: fs.readFileSync('cert.pem'), honorCipherOrder: false, ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256', maxVersion: 'TLSv1.2' }, (s) => s.end());
  for (const [n, s] of [['honor', s2], ['default', s3], ['honorCipherOrder: false', s4]]) {
    await new Promise((r) => s.listen(0, '127.0.0.1', r));
    await new Promise((resolve) => {
      const c = tls.connect({ port: s.address().port, host: '127.0.0.1', rejectUnauthorized: false, ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384' }, () => { console.log(n, c.getCipher().name); c.end(); });
      c.on('close', resolve);
    });
    s.close();
  }
  server.close();
});
