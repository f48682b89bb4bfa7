// createHook for I/O resources: the resource type each callback runs in
// (executionAsyncId() names an FSREQCALLBACK, GETADDRINFOREQWRAP,
// PROCESSWRAP, TCPSERVERWRAP, TCPCONNECTWRAP, TCPWRAP,
// HTTPINCOMINGMESSAGE, HTTPCLIENTREQUEST resource) and how triggers link
// resources (the chain of triggers from a callback's resource leads back to
// the code that started the operation; an accepted socket's trigger is the
// server; a write that does not complete at once is a WRITEWRAP whose
// trigger is its socket, and its callback runs in it).  Printed as types and relations,
// never raw ids; internal helper resources (ticks, extra fs requests) are
// not printed, so implementations may differ in those.
'use strict';
const ah = require('async_hooks');
const fs = require('fs');

const res = new Map(); // asyncId -> { type, trigger }
const hook = ah.createHook({
  init(id, type, trigger) { res.set(id, { type, trigger }); },
}).enable();

const typeOf = (id) => (res.get(id) || { type: id === 1 ? 'main' : 'unknown' }).type;
// does the trigger chain from `id` reach `target`?
function reaches(id, target) {
  for (let i = 0; i < 1000 && id > 1; i++) {
    if (id === target) return true;
    const r = res.get(id);
    if (!r) return false;
    id = r.trigger;
  }
  return id === target;
}
// the first resource of `type` on the chain from `id`
function upTo(id, type) {
  for (let i = 0; i < 1000 && id > 1; i++) {
    const r = res.get(id);
    if (!r) return 0;
    if (r.type === type) return id;
    id = r.trigger;
  }
  return 0;
}
const log = (s) => fs.writeSync(1, `${s}\n`);

function step(name, fn) {
  return new Promise((resolve) => {
    // each step starts from a fresh timer so its creator id is its own
    setTimeout(() => {
      const creator = ah.executionAsyncId();
      fn(creator, resolve);
    }, 1);
  }).then(() => undefined);
}

async function main() {
  await step('fs', (creator, done) => {
    fs.stat(__filename, () => {
      const id = ah.executionAsyncId();
      log(`fs.stat callback runs in ${typeOf(id)}, its trigger is the caller ${res.get(id).trigger === creator}`);
      fs.readFile(__filename, () => {
        const id2 = ah.executionAsyncId();
        log(`fs.readFile callback runs in ${typeOf(id2)}, chain reaches the caller ${reaches(id2, id)}`);
        done();
      });
    });
  });

  await step('dns', (creator, done) => {
    require('dns').lookup('localhost', () => {
      const id = ah.executionAsyncId();
      log(`dns.lookup callback runs in ${typeOf(id)}, its trigger is the caller ${res.get(id).trigger === creator}`);
      done();
    });
  });

  await step('zlib', (creator, done) => {
    require('zlib').gzip('hello hooks', () => {
      const id = ah.executionAsyncId();
      const z = upTo(id, 'ZLIB');
      log(`zlib.gzip callback: chain passes a ZLIB resource ${z !== 0}, whose trigger is the caller ${z !== 0 && res.get(z).trigger === creator}`);
      done();
    });
  });

  await step('child_process', (creator, done) => {
    const child = require('child_process').spawn('/bin/true');
    child.on('exit', () => {
      const id = ah.executionAsyncId();
      log(`child 'exit' runs in ${typeOf(id)}, its trigger is the caller ${res.get(id).trigger === creator}`);
    });
    child.on('close', done);
  });

  await step('net', (creator, done) => {
    const net = require('net');
    let serverSocketId = 0;
    const server = net.createServer((sock) => {
      const id = ah.executionAsyncId();
      log(`connection listener runs in ${typeOf(id)}`);
      sock.on('data', () => {
        const d = ah.executionAsyncId();
        serverSocketId = d;
        log(`server socket 'data' runs in ${typeOf(d)}, whose trigger is the server ${res.get(d).trigger === id}`);
        // 16 MiB: more than the socket takes at once
        sock.write(Buffer.alloc(16 * 1024 * 1024, 'x'), () => {
          const w = ah.executionAsyncId();
          log(`big write callback runs in ${typeOf(w)}, on the server socket ${res.get(w).trigger === serverSocketId}`);
          sock.end();
        });
      });
    });
    server.listen(0, '127.0.0.1', () => {
      const client = net.connect(server.address().port, '127.0.0.1', () => {
        const id = ah.executionAsyncId();
        log(`client 'connect' runs in ${typeOf(id)}, whose trigger is a ${typeOf(res.get(id).trigger)}`);
        client.write('hi');
      });
      let first = true;
      client.on('data', () => {
        if (!first) return;
        first = false;
        log(`client 'data' runs in ${typeOf(ah.executionAsyncId())}`);
      });
      client.on('close', () => server.close(done));
    });
  });

  await step('http', (creator, done) => {
    const http = require('http');
    const server = http.createServer((req, resp) => {
      const id = ah.executionAsyncId();
      log(`request handler runs in ${typeOf(id)}, whose trigger is a ${typeOf(res.get(id).trigger)}`);
      resp.end('ok');
    });
    server.listen(0, '127.0.0.1', () => {
      http.get({ host: '127.0.0.1', port: server.address().port, agent: false }, (r) => {
        const id = ah.executionAsyncId();
        log(`response callback runs in ${typeOf(id)}`);
        r.resume();
        r.on('end', () => server.close(done));
      });
    });
  });
  hook.disable();
}
main();
