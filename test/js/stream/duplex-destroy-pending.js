// destroy() on a Duplex and a Writable with writes in flight, buffered
// and corked: the in-flight write completes, the others and end() fail
// with ERR_STREAM_DESTROYED.
const { Duplex, Writable } = require('stream');
const d = new Duplex({ read() {}, write(c, e, cb) { setTimeout(cb, 5); } });
d.write('a', (e) => console.log('a', e && e.code));
d.write('b', (e) => console.log('b', e && e.code));
d.end((e) => console.log('end', e && e.code));
d.on('error', (e) => console.log('error', e.code));
d.on('close', () => console.log('close'));
d.destroy();
const w = new Writable({ write(c, e, cb) { setTimeout(cb, 5); } });
w.write('a', (e) => console.log('wa', e && e.code));
w.write('b', (e) => console.log('wb', e && e.code));
w.end((e) => console.log('wend', e && e.code));
w.on('close', () => console.log('wclose'));
w.destroy();

const c = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
c.cork();
c.write('x', (e) => console.log('corked cb', e && e.code));
c.destroy();
