'use strict';
// dgram over IPv4 loopback: bind, send (buffers, strings, lists, offsets,
// DataView, empty), 'message' with rinfo, address(), callbacks with byte
// counts, implicit bind of the sender, host names, close and its events.
// Each send waits for the previous datagram to arrive, so the order is the
// same on every run.
const dgram = require('dgram');

const server = dgram.createSocket('udp4');
const client = dgram.createSocket({ type: 'udp4' });
const events = [];
let port;
let next;

const sends = [
  (cb) => client.send('hello', port, '127.0.0.1', cb),
  (cb) => client.send(Buffer.from('0123456789'), 2, 5, port, '127.0.0.1', cb),
  (cb) => client.send(['list-', Buffer.from('of-'), new Uint8Array([98, 117, 102, 115])], port, '127.0.0.1', cb),
  (cb) => client.send(Buffer.alloc(0), port, '127.0.0.1', cb),
  (cb) => client.send('localhost default', port, cb),
  (cb) => client.send(new DataView(new ArrayBuffer(3)), port, 'localhost', cb),
  (cb) => client.sendto(Buffer.from('sendto!'), 0, 7, port, '127.0.0.1', cb),
  (cb) => { client.send('no callback', port, '127.0.0.1'); cb(null, 'none'); },
];

function step(i) {
  if (i === sends.length) {
    client.close(() => events.push('client close callback'));
    server.close();
    return;
  }
  let pending = 2;
  const done = () => { if (--pending === 0) step(i + 1); };
  next = done;
  sends[i]((err, bytes) => {
    console.log('send', i, err, bytes);
    if (i === 0) {
      const c = client.address();
      console.log('client bound', c.address, c.family, c.port > 0);
    }
    done();
  });
}

server.on('listening', () => {
  const a = server.address();
  events.push('server listening');
  console.log('server address', a.address, a.family, typeof a.port, a.port > 0);
  port = a.port;
  step(0);
});

server.on('message', (msg, rinfo) => {
  console.log('message', JSON.stringify(msg.toString('latin1')), Buffer.isBuffer(msg), rinfo.address, rinfo.family, rinfo.size, rinfo.port === client.address().port);
  next();
});

server.on('close', () => {
  events.push('server close');
  setImmediate(() => console.log(events));
});

const ret = server.bind(0, '127.0.0.1');
console.log('bind returns socket', ret === server);
