// bench/net: the hello-world http server measured by http.sh.
const http = require('http');
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('hello world');
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
