// An Agent's `timeout` option is its sockets' idle timeout, and a request
// on such a socket emits 'timeout' (Node's listenSocketTimeout) without
// being aborted; the global agent's is 5 s.
const http = require('http');
const server = http.createServer((req, res) => setTimeout(() => res.end('late'), 500));
server.listen(0, '127.0.0.1', () => {
  console.log('global agent timeout', http.globalAgent.options.timeout);
  const agent = new http.Agent({ timeout: 150 });
  const req = http.get({ port: server.address().port, host: '127.0.0.1', agent }, (res) => {
    let s = '';
    res.on('data', (d) => { s += d; });
    res.on('end', () => {
      console.log(res.statusCode, s);
      server.close(() => console.log('closed'));
    });
  });
  req.on('timeout', () => console.log('request timeout event, destroyed:', req.destroyed));
  req.on('error', (e) => console.log('error', e.message));
});
