// pipeline with end: false, a source that errors after some data, a
// destination that errors, and a generator that throws; the value of
// stream.pipeline's return (the last stream).
const { pipeline, Readable, Writable, PassThrough } = require('stream');
const sink = () => new Writable({ write(c, e, cb) { cb(); } });
const last = new PassThrough();
const ret = pipeline(Readable.from(['a']), last, (err) => {
  console.log('returns last stream', ret === last, err);
  const src = new Readable({ read() {} });
  src.push('x');
  setImmediate(() => src.destroy(new Error('source failed')));
  pipeline(src, new PassThrough(), sink(), (err2) => {
    console.log('source error', err2.message);
    const badSink = new Writable({ write(c, e, cb) { cb(new Error('sink failed')); } });
    pipeline(Readable.from(['y']), badSink, (err3) => {
      console.log('sink error', err3.message);
      pipeline(Readable.from(['z']), async function* (s) { for await (const c of s) { yield c; throw new Error('gen threw'); } }, sink(), (err4) => {
        console.log('generator error', err4.message);
        const keep = new PassThrough();
        try { pipeline(Readable.from(['k']), keep, { end: false }, () => {}); } catch (e) { console.log(e.code, e.message); }
        require('stream/promises').pipeline(Readable.from(['k']), keep, { end: false }).then(() => {
          console.log('end:false keeps dest open', keep.writable, keep.writableEnded);
        });
      });
    });
  });
});
last.resume();
