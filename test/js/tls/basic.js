// TLS server and client over loopback with a self-signed certificate made
// by the openssl CLI: ALPN, SNI, peer certificate fields, echo, half-close.
const tls = require('tls');
const fs = require('fs');
const { execFileSync } = require('child_process');

execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
  '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '3', '-subj', '/CN=localhost/O=devrun test/OU=net',
  '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
const key = fs.readFileSync('key.pem');
const cert = fs.readFileSync('cert.pem');

const server = tls.createServer({ key, cert, ALPNProtocols: ['h2', 'http/1.1'] }, (s) => {
  console.log('server: secure', s.encrypted, s.getProtocol(), s.alpnProtocol, s.servername);
  console.log('server: peer cert', JSON.stringify(s.getPeerCertificate()), s.authorized);
  s.setEncoding('utf8');
  let got = '';
  s.on('data', (d) => { got += d; });
  s.on('end', () => { console.log('server: got', got.length, got.slice(0, 5)); s.end(`bytes=${got.length}`); });
});
server.on('tlsClientError', (e) => console.log('tlsClientError', e.code));
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const c = tls.connect({ port, host: '127.0.0.1', servername: 'localhost', ca: cert, ALPNProtocols: ['http/1.1'] }, () => {
    console.log('client: secureConnect', c.authorized, c.authorizationError, c.alpnProtocol, c.getProtocol());
    const cipher = c.getCipher();
    console.log('client: cipher', typeof cipher.name, cipher.version);
    const pc = c.getPeerCertificate();
    console.log('client: subject', pc.subject.CN, pc.subject.O, pc.subject.OU, 'issuer', pc.issuer.CN);
    console.log('client: altnames', pc.subjectaltname, 'bits', pc.bits, 'ca', pc.ca);
    console.log('client: fingerprint', /^([0-9A-F]{2}:){19}[0-9A-F]{2}$/.test(pc.fingerprint),
      /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/.test(pc.fingerprint256), Buffer.isBuffer(pc.raw));
    console.log('client: dates', / GMT$/.test(pc.valid_from), / GMT$/.test(pc.valid_to), typeof pc.serialNumber);
    console.log('client: remote', c.remoteAddress, c.remotePort === port, c.encrypted);
    c.write('hello ');
    c.end('x'.repeat(100000));
  });
  let reply = '';
  c.setEncoding('utf8');
  c.on('data', (d) => { reply += d; });
  c.on('end', () => console.log('client: reply', reply));
  c.on('close', (hadError) => {
    console.log('client: close', hadError);
    server.close(() => console.log('server closed'));
  });
});
