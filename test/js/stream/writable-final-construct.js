// _construct delays writes; _final runs before 'finish'; errors from both.
const { Writable } = require('stream');
const log = [];
const w = new Writable({
  construct(cb) { log.push('construct'); setTimeout(() => { log.push('constructed'); cb(); }, 5); },
  write(chunk, enc, cb) { log.push('write ' + chunk); cb(); },
  final(cb) { log.push('final'); setTimeout(cb, 1); },
  destroy(err, cb) { log.push('destroy ' + err); cb(err); },
});
w.write('early');
w.end('last');
w.on('prefinish', () => log.push('prefinish'));
w.on('finish', () => log.push('finish'));
w.on('close', () => { log.push('close'); console.log(log.join('\n')); next(); });

function next() {
  const f = new Writable({
    write(c, e, cb) { cb(); },
    final(cb) { cb(new Error('final failed')); },
  });
  f.on('error', (e) => console.log('f error', e.message, f.destroyed));
  f.on('finish', () => console.log('f finish (wrong)'));
  f.on('close', () => console.log('f close', f.writableFinished));
  f.end('x');

  const c = new Writable({
    construct(cb) { cb(new Error('construct failed')); },
    write(c2, e, cb) { cb(); },
  });
  c.on('error', (e) => console.log('c error', e.message));
  c.on('close', () => console.log('c close'));
  c.write('x', (err) => console.log('c write cb', err && err.message));
}
