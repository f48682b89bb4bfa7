// End and destroy both ways between a JSStreamSocket and its Duplex:
// the Duplex's EOF is the socket's 'end' (and, without allowHalfOpen, the
// socket ends its side: the Duplex's 'finish'); socket.end() ends the
// Duplex; socket.destroy() destroys the Duplex; the Duplex closing destroys
// the socket; the Duplex's errors are the socket's.
const { Duplex } = require('stream');
const JSStreamSocket = require('_stream_wrap');

function makeDuplex(name, log) {
  const d = new Duplex({
    read() {},
    write(chunk, enc, cb) { log(`${name} got ${JSON.stringify(chunk.toString())}`); cb(); },
    final(cb) { log(`${name} final`); cb(); },
  });
  d.on('finish', () => log(`${name} finish`));
  d.on('close', () => log(`${name} close`));
  return d;
}

const steps = [];
function run(name, fn) { steps.push([name, fn]); }
function next() {
  const step = steps.shift();
  if (!step) return;
  console.log(`--- ${step[0]}`);
  const log = (m) => console.log(m);
  step[1](log, () => setTimeout(next, 10));
}

run('duplex EOF -> socket end, then socket ends its side', (log, done) => {
  const d = makeDuplex('duplex', log);
  const s = new JSStreamSocket(d);
  s.on('data', (c) => log(`socket data ${c}`));
  s.on('end', () => log('socket end'));
  s.on('finish', () => log('socket finish'));
  s.on('close', (hadError) => { log(`socket close ${hadError} duplex destroyed ${d.destroyed}`); done(); });
  d.push('last words');
  d.push(null);
});

run('socket.end() -> duplex final/finish', (log, done) => {
  const d = makeDuplex('duplex', log);
  const s = new JSStreamSocket(d);
  s.on('finish', () => {
    log(`socket finish; duplex writableFinished ${d.writableFinished}`);
    d.push(null); // the other way too: then everything closes
  });
  s.on('end', () => log('socket end'));
  s.on('close', () => { log(`socket close; duplex destroyed ${d.destroyed}`); done(); });
  s.resume();
  s.end('bye');
});

run('socket.destroy() -> duplex destroyed', (log, done) => {
  const d = makeDuplex('duplex', log);
  const s = new JSStreamSocket(d);
  s.on('close', (hadError) => {
    log(`socket close ${hadError}; duplex destroyed ${d.destroyed}`);
    setImmediate(done);
  });
  s.destroy();
  log(`socket destroyed ${s.destroyed}`);
});

run('duplex.destroy() -> socket close', (log, done) => {
  const d = makeDuplex('duplex', log);
  const s = new JSStreamSocket(d);
  s.on('end', () => log('socket end'));
  s.on('close', (hadError) => { log(`socket close ${hadError} destroyed ${s.destroyed}`); done(); });
  d.destroy();
});

run('duplex error -> socket error, then close', (log, done) => {
  const d = makeDuplex('duplex', log);
  const s = new JSStreamSocket(d);
  s.on('error', (e) => log(`socket error ${e.message}`));
  s.on('close', () => { log(`socket close destroyed ${s.destroyed}`); done(); });
  d.destroy(new Error('boom'));
});

run('a Readable (one way): the socket is not writable', (log, done) => {
  const { Readable } = require('stream');
  const r = new Readable({ read() {} });
  const s = new JSStreamSocket(r);
  log(`readable ${s.readable} writable ${s.writable}`);
  s.on('data', (c) => log(`socket data ${c}`));
  s.on('end', () => log('socket end'));
  s.on('error', (e) => log(`socket error ${e.message}`));
  s.on('close', () => { log(`socket close; readable destroyed ${r.destroyed}`); done(); });
  r.push('one way');
  r.push(null);
});

next();
