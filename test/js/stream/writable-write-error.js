// An error from _write reaches the write callback, then 'error', then
// 'close'; buffered writes get the error too; autoDestroy: false keeps the
// stream alive.
const { Writable } = require('stream');
const w = new Writable({
  write(chunk, enc, cb) { setTimeout(() => cb(chunk.toString() === 'bad' ? new Error('boom') : null), 1); },
});
const log = [];
w.on('error', (e) => log.push('error ' + e.message));
w.on('close', () => { log.push('close ' + w.destroyed + ' ' + (w.errored && w.errored.message)); console.log(log.join('\n')); sync(); });
w.write('bad', (e) => log.push('cb1 ' + (e && e.message)));
w.write('queued', (e) => log.push('cb2 ' + (e && e.message)));

function sync() {
  const s = new Writable({ autoDestroy: false, write(c, e, cb) { cb(new Error('sync boom')); } });
  const out = [];
  s.on('error', (e) => out.push('error ' + e.message + ' destroyed=' + s.destroyed));
  s.write('x', (e) => out.push('cb ' + e.message));
  out.push('after write');
  setTimeout(() => { out.push('writable=' + s.writable + ' errored=' + !!s.errored); console.log(out.join('\n')); }, 5);
}
