// Subclassing as programs and libraries do: ES classes overriding
// _read/_write/_transform/_flush/_final/_destroy, and old-style
// util.inherits with Stream.Readable.call(this, options).
const stream = require('stream');
const util = require('util');
const EventEmitter = require('events');

class Counter extends stream.Readable {
  constructor(max) { super({ objectMode: true }); this.n = 0; this.max = max; }
  _read() { this.push(this.n < this.max ? this.n++ : null); }
}
class Doubler extends stream.Transform {
  constructor() { super({ objectMode: true }); }
  _transform(n, enc, cb) { cb(null, n * 2); }
  _flush(cb) { this.push('done'); cb(); }
}
class Collector extends stream.Writable {
  constructor() { super({ objectMode: true }); this.items = []; }
  _write(x, enc, cb) { this.items.push(x); cb(); }
  _final(cb) { this.items.push('final'); cb(); }
  _destroy(err, cb) { this.items.push('destroy ' + err); cb(err); }
}
const c = new Collector();
new Counter(4).pipe(new Doubler()).pipe(c).on('finish', () => {
  setImmediate(() => console.log(c.items));
});

function OldStyle(options) {
  if (!(this instanceof OldStyle)) return new OldStyle(options);
  stream.Readable.call(this, options);
  this.sent = false;
}
util.inherits(OldStyle, stream.Readable);
OldStyle.prototype._read = function() {
  this.push(this.sent ? null : 'old style');
  this.sent = true;
};
const o = OldStyle();
o.setEncoding('utf8');
o.on('data', (d) => console.log('old:', d));
console.log(o instanceof stream.Readable, o instanceof stream, o instanceof EventEmitter, stream.Readable.name);

function OldWritable() { stream.Writable.call(this, { decodeStrings: false }); }
util.inherits(OldWritable, stream.Writable);
OldWritable.prototype._write = function(chunk, enc, cb) { console.log('old writable:', chunk, enc); cb(); };
new OldWritable().end('w');
console.log(new stream.Duplex() instanceof stream.Writable, new stream.PassThrough() instanceof stream.Writable, {} instanceof stream.Writable);
console.log(Object.keys(stream).filter((k) => /^[A-Z]/.test(k)).sort().join(','));
console.log(typeof stream.promises, typeof stream.finished, typeof stream.pipeline, typeof stream.compose, typeof stream.addAbortSignal);
