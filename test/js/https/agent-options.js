// An Agent's own options reach its connections, as in Node: an https.Agent
// made with { rejectUnauthorized: false } talks to a self-signed server (a
// request without such an agent is refused), and requests through one
// agent share its pool under the name those options give.
const https = require('https');
const fs = require('fs');
const { execFileSync } = require('child_process');

execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
  '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '3', '-subj', '/CN=localhost'], { stdio: 'ignore' });
const server = https.createServer({ key: fs.readFileSync('key.pem'), cert: fs.readFileSync('cert.pem') },
  (req, res) => res.end(`hello ${req.url}`));

function get(path, agent) {
  return new Promise((resolve) => {
    const req = https.get({ host: '127.0.0.1', port: server.address().port, path, agent }, (res) => {
      let s = '';
      res.on('data', (d) => { s += d; });
      res.on('end', () => resolve(`${res.statusCode} ${s} reused=${req.reusedSocket}`));
    });
    req.on('error', (e) => resolve(`error ${e.code}`));
  });
}
server.listen(0, '127.0.0.1', async () => {
  const lax = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
  console.log('default agent:', await get('/a', undefined));
  console.log('lax agent:', await get('/b', lax));
  console.log('lax agent again:', await get('/c', lax));
  console.log('pools:', Object.keys(lax.freeSockets).length, Object.keys(lax.freeSockets)[0].split(':').includes('false'));
  lax.destroy();
  server.close(() => console.log('closed'));
});
