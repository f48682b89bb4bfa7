// TLS started on already-connected plain sockets (STARTTLS): the server
// wraps its net.Socket in new tls.TLSSocket({ isServer, secureContext }),
// the client passes its socket to tls.connect({ socket }).
const tls = require('tls');
const net = require('net');
const fs = require('fs');
const { execFileSync } = require('child_process');
execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
  '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '3', '-subj', '/CN=localhost',
  '-addext', 'subjectAltName=DNS:localhost'], { stdio: 'ignore' });
const key = fs.readFileSync('key.pem');
const cert = fs.readFileSync('cert.pem');
const ctx = tls.createSecureContext({ key, cert });
const srv = net.createServer((raw) => {
  raw.once('data', (d) => {
    console.log('server plain:', String(d));
    raw.write('GO\n');
    const s = new tls.TLSSocket(raw, { isServer: true, secureContext: ctx });
    s.on('secure', () => console.log('server secure'));
    s.on('data', (x) => { s.end('secret:' + x); });
  });
});
srv.listen(0, '127.0.0.1', () => {
  const raw = net.connect(srv.address().port, '127.0.0.1', () => {
    raw.write('STARTTLS');
    raw.once('data', (d) => {
      console.log('client plain:', String(d).trim());
      const s = tls.connect({ socket: raw, servername: 'localhost', ca: cert }, () => { console.log('client secure', s.authorized); s.write('hi'); });
      let got = ''; s.on('data', (x) => got += x); s.on('end', () => { console.log('got', got); srv.close(); });
    });
  });
});
