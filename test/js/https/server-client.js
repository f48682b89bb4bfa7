// https.createServer on http's server code with a certificate made at test
// time; https.get/request with `ca`, a POST body, keep-alive reuse through
// https.globalAgent, agent: false, and the error for an untrusted server.
const https = require('https');
const tls = require('tls');
const fs = require('fs');
const { execFileSync } = require('child_process');

execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
  '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '3', '-subj', '/CN=localhost',
  '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
const key = fs.readFileSync('key.pem');
const cert = fs.readFileSync('cert.pem');

const server = https.createServer({ key, cert }, (req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    res.setHeader('content-type', 'text/plain');
    res.end(`${req.method} ${req.url} encrypted=${req.socket.encrypted} alpn=${req.socket.alpnProtocol} body=${body}`);
  });
});
console.log('instanceof tls.Server', server instanceof tls.Server, 'timeouts', server.headersTimeout, server.keepAliveTimeout);
console.log('globalAgent', https.globalAgent.protocol, https.globalAgent.defaultPort, https.globalAgent instanceof https.Agent);

function fetchText(opts, body) {
  return new Promise((resolve) => {
    const req = https.request(opts, (res) => {
      let d = '';
      res.on('data', (c) => { d += c; });
      res.on('end', () => resolve(`${res.statusCode} ${res.headers['content-type']} reused=${req.reusedSocket} | ${d}`));
    });
    req.on('error', (e) => resolve(`error ${e.code}: ${e.message}`));
    req.end(body);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  console.log(await fetchText(`https://localhost:${port}/first?q=1`, undefined).then((s) => s));
  console.log(await fetchText({ host: 'localhost', port, path: '/a', ca: cert }));
  console.log(await fetchText({ host: 'localhost', port, path: '/b', ca: cert }));
  console.log(await fetchText({ host: 'localhost', port, path: '/post', method: 'POST', ca: cert, agent: false }, 'payload'));
  console.log(await fetchText({ host: '127.0.0.1', port, path: '/ip', ca: cert, agent: false }));
  console.log(await fetchText({ host: 'localhost', port, path: '/insecure', rejectUnauthorized: false, agent: false }));
  try { https.get(`http://localhost:${port}/`); } catch (e) { console.log(e.code, e.message); }
  https.globalAgent.destroy();
  server.close(() => console.log('closed'));
});
