// Destroying while data is in flight: a Readable destroyed in a 'data'
// handler stops emitting; a Writable destroyed with pending writes fails
// them; the write in flight still calls back; 'close' comes last.
const { Readable, Writable } = require('stream');
const log = [];
const r = Readable.from(['1', '2', '3', '4']);
r.on('data', (d) => { log.push('data ' + d); if (d === '2') r.destroy(); });
r.on('end', () => log.push('end (wrong)'));
r.on('close', () => {
  log.push('r close aborted=' + r.readableAborted);
  let inflight;
  const w = new Writable({ highWaterMark: 100, write(c, e, cb) { log.push('write ' + c); inflight = cb; } });
  w.write('a', (err) => log.push('cb a ' + (err && err.code)));
  w.write('b', (err) => log.push('cb b ' + (err && err.code)));
  w.write('c', (err) => log.push('cb c ' + (err && err.code)));
  w.on('error', (e) => log.push('w error ' + e.message));
  w.on('close', () => { log.push('w close'); setImmediate(() => console.log(log.join('\n'))); });
  w.destroy(new Error('gone'));
  log.push('destroyed, completing in-flight write');
  inflight();
});
