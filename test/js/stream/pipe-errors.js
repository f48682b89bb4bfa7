// pipe() does not forward errors: an error on dest unpipes the source; a
// destroyed dest unpipes; writing to a Writable's pipe() is an error.
const { Readable, Writable, PassThrough } = require('stream');
const src = new PassThrough();
const dst = new Writable({ write(c, e, cb) { cb(new Error('dest failed')); } });
dst.on('error', (e) => console.log('dst error', e.message));
dst.on('unpipe', () => console.log('unpiped'));
src.pipe(dst);
src.write('x');
setTimeout(() => {
  console.log('src flowing', src.readableFlowing, 'src destroyed', src.destroyed);
  const s2 = new PassThrough();
  const d2 = new PassThrough();
  d2.on('unpipe', () => console.log('d2 unpiped on close'));
  s2.pipe(d2);
  d2.destroy();
  setTimeout(() => {
    console.log('s2 pipes', s2._readableState.pipes.length);
    const w = new Writable({ write(c, e, cb) { cb(); } });
    w.on('error', (e) => console.log('w error', e.code, e.message));
    w.pipe(new PassThrough());
  }, 5);
}, 5);
