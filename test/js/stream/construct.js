// _construct on Readable and Duplex: _read/_write wait for it; destroy()
// during construction waits for it too; a construct error destroys.
const { Readable, Duplex } = require('stream');
const log = [];
const r = new Readable({
  construct(cb) { log.push('construct'); setTimeout(() => { log.push('constructed'); cb(); }, 2); },
  read() { log.push('read'); this.push('data'); this.push(null); },
});
r.on('data', (d) => log.push('data ' + d));
r.on('close', () => {
  log.push('close');
  const d = new Duplex({
    construct(cb) { log.push('duplex construct'); setTimeout(cb, 2); },
    read() {}, write(c, e, cb) { log.push('duplex write ' + c); cb(); },
    destroy(err, cb) { log.push('duplex destroy ' + err); cb(err); },
  });
  d.write('w');
  d.destroy();
  d.on('close', () => {
    log.push('duplex close');
    const bad = new Readable({ construct(cb) { cb(new Error('no resource')); }, read() { log.push('never'); } });
    bad.on('error', (e) => log.push('bad error ' + e.message));
    bad.on('close', () => { log.push('bad close'); console.log(log.join('\n')); });
    bad.resume();
  });
});
