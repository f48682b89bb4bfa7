// AsyncLocalStorage stores reach callbacks of native requests and handles:
// fs, dns, zlib, crypto, child processes, servers and sockets (printed
// sorted: their order is the event loop's, not part of the contract).
const { AsyncLocalStorage } = require('async_hooks');
const fs = require('fs');
const net = require('net');
const als = new AsyncLocalStorage();
const seen = [];
let pending = 0;
const note = (what) => { pending++; return () => { seen.push(`${what} ${als.getStore()}`); if (--pending === 0) console.log(seen.sort()); }; };
als.run('outer', () => {
  fs.stat('.', note('fs.stat'));
  fs.readFile(__filename, note('fs.readFile'));
  fs.promises.stat('.').then(note('fs.promises'));
  require('dns').lookup('localhost', note('dns.lookup'));
  require('zlib').gzip('x', note('zlib.gzip'));
  require('crypto').randomBytes(4, note('crypto.randomBytes'));
  require('child_process').execFile('true', note('execFile'));
  const onData = note('socket data');
  const server = net.createServer((c) => { c.end('hi'); }).listen(0, '127.0.0.1', () => {
    als.run('client', () => {
      const c = net.connect(server.address().port, '127.0.0.1');
      c.once('data', () => { onData(); c.destroy(); server.close(); });
    });
  });
});
