// Transform: _transform output, _flush, push of several chunks per input,
// error from _transform, objectMode sides, PassThrough.
const { Transform, PassThrough } = require('stream');
const upper = new Transform({
  transform(chunk, enc, cb) { this.push(String(chunk).toUpperCase()); this.push('|'); cb(); },
  flush(cb) { cb(null, '<end>'); },
});
let out = '';
upper.on('data', (d) => { out += d; });
upper.on('end', () => console.log('upper', out));
upper.on('finish', () => console.log('upper finish'));
upper.on('close', () => console.log('upper close'));
upper.write('ab');
upper.end('cd');

const bad = new Transform({ transform(c, e, cb) { cb(new Error('transform failed')); } });
bad.on('error', (e) => console.log('bad error', e.message, bad.destroyed));
bad.on('close', () => console.log('bad close'));
bad.write('x', (err) => console.log('bad write cb', err && err.message));

const lines = new Transform({
  readableObjectMode: true,
  transform(chunk, enc, cb) {
    this.buf = (this.buf || '') + chunk;
    const parts = this.buf.split('\n');
    this.buf = parts.pop();
    for (const p of parts) this.push({ line: p });
    cb();
  },
  flush(cb) { if (this.buf) this.push({ line: this.buf }); cb(); },
});
const got = [];
lines.on('data', (o) => got.push(o.line));
lines.on('end', () => console.log('lines', JSON.stringify(got)));
lines.write('one\ntw');
lines.write('o\nthree');
lines.end();

const pt = new PassThrough();
pt.end('pass');
pt.on('data', (d) => console.log('pt', d.toString(), pt instanceof Transform));

const noimpl = new Transform();
noimpl.on('error', (e) => console.log('noimpl', e.code, e.message));
try { noimpl.write('x'); } catch (e) { console.log('noimpl throws', e.code, e.message); }

const flushErr = new Transform({ transform(c, e, cb) { cb(null, c); }, flush(cb) { cb(new Error('flush failed')); } });
flushErr.on('error', (e) => console.log('flushErr', e.message));
flushErr.resume();
flushErr.end('x');
