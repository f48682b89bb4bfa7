// write after end, write(null), bad chunk, unknown encoding, write after
// destroy, end twice, _write not implemented, multiple callbacks.
const { Writable } = require('stream');
const ok = () => new Writable({ write(c, e, cb) { cb(); } });

const a = ok();
a.on('error', (e) => console.log('a error', e.code, e.message));
a.end();
a.write('x', (err) => console.log('a cb', err && err.code));

const b = ok();
for (const v of [null, 5, {}]) {
  try { b.write(v); } catch (e) { console.log('b throws', e.name, e.code, e.message); }
}
try { b.write('x', 'nope'); } catch (e) { console.log('b throws', e.name, e.code, e.message); }
try { b.setDefaultEncoding('bogus'); } catch (e) { console.log('b throws', e.code, e.message); }

const c = ok();
c.on('error', (e) => console.log('c error', e.code, e.message));
c.destroy();
c.write('x', (err) => console.log('c cb', err.code, err.message));

const d = ok();
d.end(() => {
  d.end((err) => console.log('d second end cb', err && err.code, err && err.message));
});

const e = new Writable();
e.on('error', (er) => console.log('e error', er.code, er.message));
try { e.write('x'); } catch (er) { console.log('e throws', er.code, er.message); }

const f = new Writable({ write(c, enc, cb) { cb(); cb(); } });
f.on('error', (er) => console.log('f error', er.code, er.message));
f.write('x');
