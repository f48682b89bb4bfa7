// child.send(message, dgramSocket): a bound UDP socket goes to the child
// (type 'dgram.Socket'), which answers datagrams sent to its port once
// the parent has closed its copy.
const cp = require('child_process');
const dgram = require('dgram');
if (process.argv[2] === 'child') {
  process.on('message', (m, h) => {
    if (m === 'socket') {
      console.log('child got', h instanceof dgram.Socket, h.type, h.address().port === +process.env.PORT);
      h.on('message', (msg, rinfo) => {
        h.send(`child echo ${msg}`, rinfo.port, rinfo.address, () => { h.close(); process.disconnect(); });
      });
      process.send('ready');
    }
  });
} else {
  const s = dgram.createSocket('udp4');
  s.bind(0, '127.0.0.1', () => {
    const port = s.address().port;
    const child = cp.fork(__filename, ['child'], { env: { ...process.env, PORT: port } });
    child.send('socket', s);
    child.on('message', () => {
      s.close(() => {
        const c = dgram.createSocket('udp4');
        c.on('message', (m) => { console.log('client got', `${m}`); c.close(); });
        c.send('hi', port, '127.0.0.1');
      });
    });
    child.on('exit', (code) => console.log('child exit', code));
  });
}
