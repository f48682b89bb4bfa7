// pipeline(): success, error in the middle destroys every stream, the
// callback gets the first error once; generators and async functions as
// stages; missing callback / too few streams throw.
const { pipeline, Readable, Writable, Transform, PassThrough } = require('stream');
const chunks = [];
pipeline(
  Readable.from(['a', 'b', 'c']),
  new Transform({ transform(c, e, cb) { cb(null, String(c).toUpperCase()); } }),
  new Writable({ write(c, e, cb) { chunks.push(String(c)); cb(); } }),
  (err) => {
    console.log('ok', err, chunks.join(''));
    failing();
  });

function failing() {
  const src = new Readable({ read() {} });
  const mid = new Transform({ transform(c, e, cb) { cb(new Error('mid failed')); } });
  const dst = new PassThrough();
  for (const [n, s] of [['src', src], ['mid', mid], ['dst', dst]]) {
    s.on('close', () => console.log(n, 'close', s.destroyed));
  }
  pipeline(src, mid, dst, (err) => {
    console.log('failing', err && err.message, src.destroyed, mid.destroyed, dst.destroyed);
    generators();
  });
  src.push('x');
}

function generators() {
  pipeline(
    function* () { yield 'q'; yield 'r'; },
    async function* (source) { for await (const c of source) yield c + c; },
    async function (source) { let s = ''; for await (const c of source) s += c; return s; },
    (err, val) => {
      console.log('generators', err, val);
      premature();
    });
}

function premature() {
  const src = new Readable({ read() {} });
  const dst = new PassThrough();
  pipeline(src, dst, (err) => {
    console.log('premature', err && err.code, err && err.message);
    badArgs();
  });
  src.push('x');
  setTimeout(() => src.destroy(), 1);
}

function badArgs() {
  try { pipeline(new PassThrough(), new PassThrough()); } catch (e) { console.log(e.code, e.message); }
  try { pipeline(new PassThrough(), () => {}); } catch (e) { console.log(e.code, e.message); }
  try { pipeline(() => 5, new PassThrough(), () => {}); } catch (e) { console.log(e.code, e.message); }
}
