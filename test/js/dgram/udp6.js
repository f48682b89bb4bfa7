'use strict';
// dgram over IPv6 loopback (::1): bind, address(), send/receive with an
// ipv6Only sender, a connected udp6 socket, lookup defaulting to ::1.
const dgram = require('dgram');

function once(emitter, event) {
  return new Promise((resolve) => emitter.once(event, (...args) => resolve(args)));
}

(async () => {
  const six = dgram.createSocket('udp6');
  six.bind(0, '::1');
  await once(six, 'listening');
  const a6 = six.address();
  console.log('udp6', a6.address, a6.family, a6.port > 0);
  const sender = dgram.createSocket({ type: 'udp6', ipv6Only: true });
  const got = once(six, 'message');
  sender.send('over ipv6', a6.port, '::1');
  const [m, ri] = await got;
  console.log('message', m.toString(), ri.address, ri.family, ri.size);
  const got2 = once(six, 'message');
  sender.send('default host', a6.port);
  console.log('message', (await got2)[0].toString());
  const conn = dgram.createSocket('udp6');
  await new Promise((resolve) => conn.connect(a6.port, resolve));
  const r = conn.remoteAddress();
  console.log('connected', r.address, r.family, r.port === a6.port);
  const got3 = once(six, 'message');
  conn.send('connected six');
  console.log('message', (await got3)[0].toString());
  conn.close();
  sender.close();
  six.close(() => console.log('closed'));
})();
