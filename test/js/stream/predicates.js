// stream.isReadable/isWritable/isErrored/isDisturbed/isDestroyed, and the
// readable*/writable* state getters through a stream's life.
const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const r = new Readable({ read() {} });
const show = (label, s) => console.log(label, stream.isReadable(s), stream.isWritable(s), stream.isErrored(s), stream.isDisturbed(s), stream.isDestroyed ? stream.isDestroyed(s) : 'n/a');
show('fresh readable', r);
r.push('x');
r.read();
show('after read', r);
r.push(null);
r.on('end', () => {
  show('ended', r);
  const w = new Writable({ write(c, e, cb) { cb(); } });
  show('fresh writable', w);
  w.end();
  show('ending writable', w);
  const p = new PassThrough();
  show('passthrough', p);
  p.on('error', () => {});
  p.destroy(new Error('x'));
  show('destroyed with error', p);
  setImmediate(() => {
    show('after error emitted', p);
    console.log(stream.isReadable({}), stream.isWritable(null), stream.isErrored({}), stream.isDisturbed(1));
    console.log(p.readableAborted, p.writableAborted, p.errored.message, p.closed);
  });
});
r.resume();
