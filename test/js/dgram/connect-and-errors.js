'use strict';
// dgram: connect/disconnect/remoteAddress, connected sends, custom lookup,
// socket options, buffer sizes, ref/unref, AbortSignal, and Node's errors
// for bad arguments and states.
const dgram = require('dgram');

function show(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', r === undefined ? '' : r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message, e.syscall || '');
  }
}

function once(emitter, event) {
  return new Promise((resolve) => emitter.once(event, (...args) => resolve(args)));
}

(async () => {
  // argument and state errors
  show('bad type', () => dgram.createSocket('udp5'));
  show('no type', () => dgram.createSocket());
  show('bad lookup', () => dgram.createSocket({ type: 'udp4', lookup: 1 }));
  show('bad recvBufferSize', () => dgram.createSocket({ type: 'udp4', recvBufferSize: -1 }));
  const s = dgram.createSocket('udp4');
  show('bad port', () => s.send('x', 70000, '127.0.0.1'));
  show('no port', () => s.send('x'));
  show('bad buffer', () => s.send(42, 1234, '127.0.0.1'));
  show('bad list', () => s.send([1, 2], 1234, '127.0.0.1'));
  show('offset out of bounds', () => s.send(Buffer.alloc(4), 5, 1, 1234, '127.0.0.1'));
  show('length out of bounds', () => s.send(Buffer.alloc(4), 1, 4, 1234, '127.0.0.1'));
  show('bad address', () => s.send('x', 1234, 42));
  show('disconnect unconnected', () => s.disconnect());
  show('remoteAddress unconnected', () => s.remoteAddress());
  show('address unbound', () => s.address());
  show('getRecvBufferSize unbound', () => s.getRecvBufferSize());
  show('setTTL type', () => s.setTTL('1'));
  show('setMulticastTTL type', () => s.setMulticastTTL(null));
  show('addMembership missing', () => s.addMembership());
  show('connect bad port', () => s.connect(0));
  show('connect bad address', () => s.connect(1234, 5));
  s.bind(0, '127.0.0.1');
  await once(s, 'listening');
  show('bind twice', () => s.bind(0));
  show('setTTL 0', () => s.setTTL(0));
  show('setTTL 64', () => s.setTTL(64));
  show('setMulticastTTL 2', () => s.setMulticastTTL(2));
  show('setMulticastLoopback', () => s.setMulticastLoopback(true));
  show('setBroadcast', () => s.setBroadcast(true));
  show('setMulticastInterface bad', () => s.setMulticastInterface(1));
  show('addMembership bad address', () => s.addMembership('not-an-ip'));
  show('addMembership unicast', () => s.addMembership('127.0.0.1'));
  show('recv buffer size', () => s.getRecvBufferSize() > 0);
  show('send buffer size', () => s.getSendBufferSize() > 0);
  show('setRecvBufferSize bad', () => s.setRecvBufferSize(-5));
  show('send queue', () => [s.getSendQueueSize(), s.getSendQueueCount()]);
  show('ref/unref return', () => [s.unref() === s, s.ref() === s]);

  // connected sockets
  const peer = dgram.createSocket('udp4');
  peer.bind(0, '127.0.0.1');
  await once(peer, 'listening');
  const peerPort = peer.address().port;
  const connectArgs = once(s, 'connect');
  s.connect(peerPort, '127.0.0.1');
  show('connect twice', () => s.connect(peerPort, '127.0.0.1'));
  await connectArgs;
  const ra = s.remoteAddress();
  console.log('remote', ra.address, ra.family, ra.port === peerPort);
  show('send with port while connected', () => s.send('x', peerPort, '127.0.0.1'));
  const got = once(peer, 'message');
  s.send('connected hello', (err, n) => console.log('connected send', err, n));
  const [msg, rinfo] = await got;
  console.log('peer got', msg.toString(), rinfo.port === s.address().port);
  const got2 = once(peer, 'message');
  s.send(Buffer.from('abcdef'), 1, 3);
  console.log('peer got', (await got2)[0].toString());
  s.disconnect();
  show('remoteAddress after disconnect', () => s.remoteAddress());

  // connect with a callback on an unbound socket, to a host name
  const c2 = dgram.createSocket('udp4');
  await new Promise((resolve) => c2.connect(peerPort, 'localhost', (err) => {
    console.log('connect callback', err, c2.remoteAddress().address);
    resolve();
  }));
  // a custom lookup: its answers are used, its failures reach the callback
  const asked = [];
  const c3 = dgram.createSocket({
    type: 'udp4',
    lookup(host, family, cb) {
      asked.push([host, family]);
      if (host === 'nowhere') cb(Object.assign(new Error('no such host'), { code: 'EFAKE' }));
      else cb(null, '127.0.0.1', 4);
    },
  });
  await new Promise((resolve) => c3.connect(peerPort, 'nowhere', (err) => {
    console.log('connect failure', err.code, err.message);
    resolve();
  }));
  await new Promise((resolve) => c3.connect(peerPort, 'my-peer', (err) => {
    console.log('connect via lookup', err, c3.remoteAddress().address);
    resolve();
  }));
  console.log(asked);
  c3.close();

  // bind errors: address in use, then reuseAddr
  const taken = dgram.createSocket('udp4');
  taken.bind(peerPort, '127.0.0.1');
  const [err] = await once(taken, 'error');
  console.log('bind error', err.code, err.syscall, err.address, err.port === peerPort, err.message.replace(String(peerPort), 'PORT'));
  const r1 = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  const r2 = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  r1.bind(0, '127.0.0.1');
  await once(r1, 'listening');
  r2.bind(r1.address().port, '127.0.0.1');
  await once(r2, 'listening');
  console.log('reuseAddr', r2.address().port === r1.address().port);
  r1.close();
  r2.close();

  // AbortSignal closes the socket
  const ac = new AbortController();
  const ab = dgram.createSocket({ type: 'udp4', signal: ac.signal });
  const closed = once(ab, 'close');
  ac.abort();
  await closed;
  console.log('aborted socket closed');
  show('use after close', () => ab.send('x', 1, '127.0.0.1'));
  show('close after close', () => ab.close());
  show('address after close', () => ab.address());
  const pre = new AbortController();
  pre.abort();
  const ab2 = dgram.createSocket({ type: 'udp4', signal: pre.signal });
  await once(ab2, 'close');
  console.log('pre-aborted socket closed');

  // close queued behind the implicit bind of a send
  const q = dgram.createSocket('udp4');
  q.send('queued', peerPort, '127.0.0.1');
  await new Promise((resolve) => q.close(() => { console.log('queued close callback'); resolve(); }));

  // an unref'd bound socket does not keep the process alive
  c2.close();
  s.close();
  peer.close();
  taken.close();
  const idle = dgram.createSocket('udp4');
  idle.bind(0, '127.0.0.1', () => {
    idle.unref();
    console.log('unref idle socket');
  });
  process.on('exit', () => console.log('exit'));
})();
