// socket.io-client script for the chat (test/cli/net/05-socketio.sh): three
// users on the three transport set-ups (polling upgraded to WebSocket,
// WebSocket only, long-polling only) talk through chat-server.js. Every
// event is queued per user and the script awaits them in a fixed order, so
// the transcript is the same on every run. Usage: chat-client.js PORT
'use strict';
const { io } = require('socket.io-client');
const url = `http://127.0.0.1:${process.argv[2]}`;

function user(name, opts) {
  const socket = io(url, { reconnection: false, ...opts });
  const queue = [];
  const waiters = [];
  const deliver = (ev) => {
    const w = waiters.findIndex((x) => x.event === ev.event);
    if (w !== -1) waiters.splice(w, 1)[0].resolve(ev.args);
    else queue.push(ev);
  };
  socket.onAny((event, ...args) => deliver({ event, args }));
  socket.on('connect', () => deliver({ event: 'connect', args: [] }));
  socket.on('connect_error', (err) => deliver({ event: 'connect_error', args: [err] }));
  socket.on('question', (q, ack) => {
    console.log(`${name} was asked: ${q}`);
    ack(42);
  });
  return {
    name,
    socket,
    next(event) {
      const i = queue.findIndex((x) => x.event === event);
      if (i !== -1) return Promise.resolve(queue.splice(i, 1)[0].args);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`${name}: no '${event}' within 10 s`)), 10000);
        waiters.push({ event, resolve: (a) => { clearTimeout(t); resolve(a); } });
      });
    },
    pending() { return queue.map((e) => e.event); },
  };
}

const sum16 = (buf) => buf.reduce((s, b) => (s + b) % 65536, 0);

async function main() {
  const alice = user('alice', {});
  await alice.next('connect');
  console.log('alice connected');
  // the engine connects by long-polling and upgrades to WebSocket
  if (alice.socket.io.engine.transport.name !== 'websocket') {
    await new Promise((r) => alice.socket.io.engine.once('upgrade', r));
  }
  console.log('alice transport', alice.socket.io.engine.transport.name);
  console.log('alice join ->', await alice.socket.emitWithAck('join', { name: 'alice', room: 'lobby' }));

  const bob = user('bob', { transports: ['websocket'] });
  await bob.next('connect');
  console.log('bob connected via', bob.socket.io.engine.transport.name);
  console.log('bob join ->', await bob.socket.emitWithAck('join', { name: 'bob', room: 'lobby' }));
  console.log('alice got joined:', ...(await alice.next('joined')));

  console.log('alice chat ack ->', await alice.socket.emitWithAck('chat', 'hello bob ☺'));
  console.log('bob got chat:', ...(await bob.next('chat')));
  const long = 'z'.repeat(200000);
  console.log('bob chat ack ->', await bob.socket.emitWithAck('chat', long));
  const [big] = await alice.next('chat');
  console.log('alice got chat:', big.from, big.text.length, big.text === long);

  const carol = user('carol', { transports: ['polling'] });
  await carol.next('connect');
  console.log('carol connected via', carol.socket.io.engine.transport.name);
  console.log('carol join ->', await carol.socket.emitWithAck('join', { name: 'carol', room: 'lobby' }));
  console.log('alice got joined:', ...(await alice.next('joined')));
  console.log('bob got joined:', ...(await bob.next('joined')));
  console.log('carol chat ack ->', await carol.socket.emitWithAck('chat', 'hi from polling'));
  console.log('alice got chat:', ...(await alice.next('chat')));
  console.log('bob got chat:', ...(await bob.next('chat')));

  const data = Buffer.alloc(70000);
  for (let i = 0; i < data.length; i++) data[i] = (i * 31) & 255;
  console.log('carol file ack ->', await carol.socket.emitWithAck('file', { name: 'pic.bin' }, data), 'expected sum', sum16(data));
  for (const u of [alice, bob]) {
    const [meta, got] = await u.next('file');
    console.log(`${u.name} got file:`, meta, Buffer.isBuffer(got), got.length, sum16(got));
  }

  console.log('bob poll ->', await bob.socket.emitWithAck('poll me'));
  console.log('carol poll ->', await carol.socket.emitWithAck('poll me'));

  const intruder = io(`${url}/admin`, { reconnection: false, auth: { token: 'wrong' } });
  const err = await new Promise((r) => intruder.on('connect_error', r));
  console.log('admin with a wrong token:', err.message, err.data);
  intruder.close();
  const adminNs = io(`${url}/admin`, { reconnection: false, auth: { token: 'secret' } });
  const [stats] = await new Promise((r) => adminNs.on('stats', (...a) => r(a)));
  console.log('admin stats:', stats);

  bob.socket.disconnect();
  console.log('alice got left:', ...(await alice.next('left')));
  console.log('carol got left:', ...(await carol.next('left')));
  carol.socket.disconnect();
  console.log('alice got left:', ...(await alice.next('left')));
  alice.socket.disconnect();

  console.log('shutdown ->', await adminNs.emitWithAck('shutdown'));
  adminNs.close();
  for (const u of [alice, bob, carol]) {
    const rest = u.pending().filter((e) => e !== 'connect' && e !== 'question');
    if (rest.length) console.log(`${u.name} had unexpected events:`, rest);
  }
  console.log('done');
}
main().catch((e) => {
  console.log('client error:', e.message);
  process.exit(1);
});
