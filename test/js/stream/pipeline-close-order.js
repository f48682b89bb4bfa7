// Order of 'finish', 'end', 'close' and the pipeline callback along a
// Readable -> Transform -> Writable chain, on success and on a late error.
const { pipeline, Readable, Transform, Writable } = require('stream');
function chain(failAt) {
  const log = [];
  let n = 0;
  const src = new Readable({ read() { this.push(n < 3 ? String(n++) : null); } });
  const t = new Transform({ transform(c, e, cb) { if (String(c) === failAt) cb(new Error('fail ' + c)); else cb(null, c); } });
  const dst = new Writable({ write(c, e, cb) { log.push('write ' + c); setImmediate(cb); } });
  for (const [name, s] of [['src', src], ['t', t], ['dst', dst]]) {
    for (const ev of ['end', 'finish', 'close', 'error']) s.on(ev, (e) => log.push(`${name} ${ev}${e ? ' ' + e.message : ''}`));
  }
  return new Promise((res) => pipeline(src, t, dst, (err) => { log.push('callback ' + (err ? err.message : 'ok')); setImmediate(() => { console.log(log.join('\n')); res(); }); }));
}
chain(null).then(() => { console.log('--'); return chain('2'); });
