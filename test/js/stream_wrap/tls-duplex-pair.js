// TLS with no network: a client (tls.connect({ socket })) and a server-side
// tls.TLSSocket talk through an in-memory pair of Duplex streams, then the
// same through JSStreamSocket (_stream_wrap) over each end of the pair.
const tls = require('tls');
const fs = require('fs');
const { Duplex } = require('stream');
const { execFileSync } = require('child_process');

process.removeAllListeners('warning'); // the DEP0125 line is warning.js's business
process.on('warning', () => {});
const JSStreamSocket = require('_stream_wrap');

execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
  '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '3', '-subj', '/CN=localhost',
  '-addext', 'subjectAltName=DNS:localhost'], { stdio: 'ignore' });
const key = fs.readFileSync('key.pem');
const cert = fs.readFileSync('cert.pem');

// two Duplexes: what one is written, the other reads; end() is the other's EOF
function duplexPair() {
  const sides = [];
  for (let i = 0; i < 2; i++) {
    sides.push(new Duplex({
      read() {},
      write(chunk, enc, cb) { sides[1 - i].push(chunk); cb(); },
      final(cb) { sides[1 - i].push(null); cb(); },
    }));
  }
  return sides;
}

function round(label, wrap, done) {
  let [a, b] = duplexPair();
  if (wrap) { a = new JSStreamSocket(a); b = new JSStreamSocket(b); }
  const log = (m) => console.log(`${label}: ${m}`);

  const server = new tls.TLSSocket(b, {
    isServer: true,
    secureContext: tls.createSecureContext({ key, cert }),
    ALPNProtocols: ['echo'],
  });
  server.on('secure', () => log(`server secure ${server.getProtocol()}`));
  server.setEncoding('utf8');
  let got = '';
  server.on('data', (d) => { got += d; });
  server.on('end', () => {
    log(`server got ${got.length} bytes, starts ${JSON.stringify(got.slice(0, 6))}`);
    server.end(`echo:${got.length}`);
  });
  // the two closes' relative order is not the point: report both at the end
  const closed = [];
  const onClose = (who) => {
    closed.push(who);
    if (closed.length === 2) { log(`closed: ${closed.sort().join(', ')}`); setTimeout(done, 20); }
  };
  server.on('close', () => onClose('server'));
  server.on('error', (e) => log(`server error ${e.code || e.message}`));

  const client = tls.connect({ socket: a, ca: cert, servername: 'localhost' }, () => {
    log(`client secureConnect authorized=${client.authorized} ${client.getProtocol()}`);
    const pc = client.getPeerCertificate();
    log(`client peer ${pc.subject.CN} encrypted=${client.encrypted}`);
    client.write('hello ');
    client.end('z'.repeat(50000));
  });
  let reply = '';
  client.setEncoding('utf8');
  client.on('data', (d) => { reply += d; });
  client.on('end', () => log(`client reply ${reply}`));
  client.on('close', () => onClose('client'));
  client.on('error', (e) => log(`client error ${e.code || e.message}`));
}

function rejected(done) {
  // no `ca`: the self-signed certificate is refused, as over TCP
  const [a, b] = duplexPair();
  const server = new tls.TLSSocket(b, { isServer: true, secureContext: tls.createSecureContext({ key, cert }) });
  server.on('error', () => {});
  const client = tls.connect({ socket: a, servername: 'localhost' });
  client.on('secureConnect', () => console.log('rejected: unexpected secureConnect'));
  client.on('error', (e) => console.log(`rejected: client error ${e.code}`));
  client.on('close', () => { console.log('rejected: client close'); done(); });
}

round('plain pair', false, () => round('wrapped pair', true, () => rejected(() => console.log('done'))));
