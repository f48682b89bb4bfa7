// destroy(err): 'error' then 'close' on the next tick, once; destroy()
// without error emits only 'close'; _destroy may replace the error;
// emitClose: false; second destroy is a no-op; the callback form.
const { Readable, Writable, Duplex } = require('stream');
function watch(name, s) {
  s.on('error', (e) => console.log(name, 'error', e.message));
  s.on('close', () => console.log(name, 'close', s.destroyed, s.errored ? s.errored.message : null));
}
const r = new Readable({ read() {} });
watch('r', r);
r.destroy(new Error('r1'));
r.destroy(new Error('r2'));
console.log('r sync', r.destroyed, r.readable);

const w = new Writable({ write(c, e, cb) { cb(); } });
watch('w', w);
w.destroy();
console.log('w sync', w.destroyed, w.writable);

const x = new Readable({ read() {}, destroy(err, cb) { cb(new Error('replaced')); } });
watch('x', x);
x.destroy(new Error('orig'));

const q = new Readable({ read() {}, emitClose: false });
watch('q', q);
q.destroy();

const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
watch('d', d);
d.destroy(null, (err) => console.log('d cb', err));

const t = new Readable({ read() {}, destroy(err, cb) { throw new Error('thrown in _destroy'); } });
watch('t', t);
t.destroy();
process.on('exit', () => console.log('exit', r.readableAborted, w.writableAborted));
