// pipe() respects a slow destination: the source pauses while dest is
// above its highWaterMark and resumes on 'drain'; pipe to two dests waits
// for both.
const { Readable, Writable } = require('stream');
let produced = 0;
const src = new Readable({
  highWaterMark: 4,
  read() {
    if (produced >= 20) return this.push(null);
    this.push(String.fromCharCode(97 + (produced++ % 26)).repeat(2));
  },
});
let maxPending = 0;
let drains = 0;
const dst = new Writable({
  highWaterMark: 4,
  write(chunk, enc, cb) {
    maxPending = Math.max(maxPending, this.writableLength);
    setTimeout(cb, 1);
  },
});
dst.on('drain', () => drains++);
src.on('pause', () => {});
src.pipe(dst);
dst.on('finish', () => {
  console.log('produced', produced, 'maxPending<=6', maxPending <= 6, 'drained', drains > 0);
  two();
});

function two() {
  const s = Readable.from(['p', 'q', 'r'], { objectMode: false });
  const got = { a: '', b: '' };
  const mk = (k, delay) => new Writable({ highWaterMark: 1, write(c, e, cb) { got[k] += c; setTimeout(cb, delay); } });
  const a = mk('a', 1);
  const b = mk('b', 3);
  s.pipe(a);
  s.pipe(b);
  let n = 0;
  const done = () => { if (++n === 2) console.log('two dests', got.a, got.b); };
  a.on('finish', done);
  b.on('finish', done);
}
