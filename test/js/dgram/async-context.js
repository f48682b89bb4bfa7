'use strict';
// dgram sockets are async resources (UDPWRAP): 'message' runs in the context
// the socket was made in (AsyncLocalStorage, async_hooks), a send callback
// in the sender's; a domain catches an error thrown by a message handler.
const ah = require('async_hooks');
const dgram = require('dgram');
const domain = require('domain');

const als = new ah.AsyncLocalStorage();
const types = [];
const hook = ah.createHook({ init(id, type) { if (type.startsWith('UDP')) types.push(type); } }).enable();
let server;
als.run('made here', () => { server = dgram.createSocket('udp4'); });

server.bind(0, '127.0.0.1', () => {
  console.log('listening store', als.getStore());
  server.once('message', (msg) => {
    console.log('message store', als.getStore(), msg.toString());
    server.close(() => {
      hook.disable();
      console.log(types);
      inDomain();
    });
  });
  const client = dgram.createSocket('udp4');
  als.run('sender', () => client.send('hi', server.address().port, '127.0.0.1', () => {
    console.log('send callback store', als.getStore());
    client.close();
  }));
});

function inDomain() {
  const d = domain.create();
  d.on('error', (e) => {
    console.log('domain caught', e.message);
    s.close();
  });
  let s;
  d.run(() => {
    s = dgram.createSocket('udp4');
    s.on('message', () => { throw new Error('thrown in a message handler'); });
    s.bind(0, '127.0.0.1', () => {
      const c = dgram.createSocket('udp4');
      c.send('boom', s.address().port, '127.0.0.1', () => c.close());
    });
  });
}
