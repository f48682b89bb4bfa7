// Duplex: independent sides; allowHalfOpen false ends writable after end;
// readable/writable false options; autoDestroy after both sides finish.
const { Duplex } = require('stream');
const log = [];
const d = new Duplex({
  read() {},
  write(c, e, cb) { log.push('write ' + c); cb(); },
});
for (const ev of ['end', 'finish', 'close']) d.on(ev, () => log.push(ev));
d.on('data', (x) => log.push('data ' + x));
d.write('in');
d.push('out');
d.push(null);
setTimeout(() => {
  log.push('after end: writable=' + d.writable + ' destroyed=' + d.destroyed);
  d.end();
}, 5);
d.on('close', () => { console.log(log.join('\n')); two(); });

function two() {
  const out = [];
  const h = new Duplex({ allowHalfOpen: false, read() {}, write(c, e, cb) { cb(); } });
  for (const ev of ['end', 'prefinish', 'finish', 'close']) h.on(ev, () => out.push(ev));
  h.resume();
  h.push(null);
  h.on('close', () => { console.log(out.join(' '), h.writableEnded); three(); });
}

function three() {
  const ro = new Duplex({ writable: false, read() {} });
  console.log('ro', ro.writable, ro.readable, ro.writableEnded, ro.writableFinished);
  const wo = new Duplex({ readable: false, write(c, e, cb) { cb(); } });
  console.log('wo', wo.writable, wo.readable, wo.readableEnded);
  wo.on('close', () => console.log('wo close'));
  wo.end('x');
  console.log(wo instanceof require('stream').Writable, wo instanceof require('stream').Readable);
  const om = new Duplex({ readableObjectMode: true, read() {}, write(c, e, cb) { cb(); } });
  console.log(om.readableObjectMode, om.writableObjectMode, om.readableHighWaterMark, om.writableHighWaterMark);
}
