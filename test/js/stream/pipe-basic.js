// pipe(): data flows, dest ends, 'pipe'/'unpipe' events, returns dest,
// end: false keeps dest open, unpipe() stops the flow.
const { Readable, Writable, PassThrough } = require('stream');
function sink(name) {
  const w = new Writable({ write(c, e, cb) { console.log(name, 'got', String(c)); cb(); } });
  w.on('pipe', (src) => console.log(name, 'pipe', src instanceof Readable));
  w.on('unpipe', () => console.log(name, 'unpipe'));
  w.on('finish', () => console.log(name, 'finish'));
  return w;
}
const r = Readable.from(['a', 'b']);
const w = sink('w');
console.log(r.pipe(w) === w);

const r2 = Readable.from(['x']);
const w2 = sink('w2');
r2.pipe(w2, { end: false });
r2.on('end', () => setTimeout(() => console.log('w2 still writable', w2.writable), 5));

const pt = new PassThrough();
const w3 = sink('w3');
pt.pipe(w3);
pt.write('1');
setTimeout(() => {
  pt.unpipe(w3);
  console.log('flowing after unpipe', pt.readableFlowing);
  pt.write('2');
  setTimeout(() => console.log('buffered', pt.readableLength), 5);
}, 5);
