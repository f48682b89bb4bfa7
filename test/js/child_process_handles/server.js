// child.send(message, server): the listening socket goes to the child, which
// gets a listening net.Server of its own on the same port.  The parent then
// closes its copy, so every connection reaches the child.
const cp = require('child_process');
const net = require('net');

if (process.argv[2] === 'child') {
  process.once('message', (m, server) => {
    console.log('child got', m, server instanceof net.Server, server.listening,
      server.address().port === +process.env.PORT);
    server.on('connection', (s) => s.end('child'));
    process.send('listening');
    process.on('message', (m2) => {
      if (m2 === 'close') server.close(() => { console.log('child server closed'); process.disconnect(); });
    });
  });
} else {
  const server = net.createServer((s) => s.end('parent'));
  server.listen(0, '127.0.0.1', () => {
    const port = server.address().port;
    const child = cp.fork(__filename, ['child'], { env: { ...process.env, PORT: port } });
    child.send('server', server);
    child.once('message', (m) => {
      console.log('parent got', m);
      server.close(() => {
        console.log('parent server closed');
        const answers = [];
        let left = 5;
        const one = () => {
          const c = net.connect(port, '127.0.0.1');
          let d = '';
          c.on('data', (x) => { d += x; });
          c.on('end', () => {
            answers.push(d);
            if (--left > 0) one();
            else { console.log('answers', answers.join(' ')); child.send('close'); }
          });
        };
        one();
      });
    });
    child.on('exit', (code) => console.log('child exit', code));
  });
}
