// finished(): normal end, finish, premature close, error, already-finished
// streams, the readable/writable/error options, the cleanup function,
// invalid arguments.
const { finished, Readable, Writable, PassThrough, Duplex } = require('stream');
const r = Readable.from(['a']);
finished(r, (err) => console.log('readable', err));
r.resume();

const w = new Writable({ write(c, e, cb) { cb(); } });
finished(w, (err) => console.log('writable', err));
w.end('x');

const p = new PassThrough();
finished(p, (err) => console.log('premature', err && err.code, err && err.message));
p.destroy();

const e = new PassThrough();
finished(e, (err) => console.log('error', err && err.message));
e.destroy(new Error('boom'));

const done = Readable.from([]);
done.resume();
done.on('end', () => setTimeout(() => finished(done, (err) => console.log('already ended', err)), 1));

const d = new Duplex({ read() {}, write(c, enc, cb) { cb(); } });
finished(d, { readable: false }, (err) => console.log('duplex writable only', err));
d.end();

const q = new PassThrough();
const cleanup = finished(q, () => console.log('never'));
cleanup();
q.destroy();

const noerr = new PassThrough();
noerr.on('error', () => {});
finished(noerr, { error: false }, (err) => console.log('error:false sees close', err && err.code));
noerr.destroy(new Error('x'));

try { finished({}, () => {}); } catch (er) { console.log(er.code, er.message); }
try { finished(new PassThrough()); } catch (er) { console.log(er.code, er.message); }
