// stream/promises pipeline and finished, util.promisify(pipeline), the
// signal option, and the destination function's return value.
const { pipeline, finished } = require('stream/promises');
const stream = require('stream');
const util = require('util');
const { Readable, Writable, PassThrough } = stream;

(async () => {
  const got = [];
  await pipeline(Readable.from([1, 2, 3]), new Writable({ objectMode: true, write(c, e, cb) { got.push(c); cb(); } }));
  console.log('done', got);

  const v = await pipeline(Readable.from(['x', 'y']), async (src) => { let n = 0; for await (const c of src) n += c.length; return n; });
  console.log('value', v);

  try {
    await pipeline(Readable.from(['a']), async function* (src) { for await (const c of src) throw new Error('gen failed ' + c); }, new PassThrough());
  } catch (e) { console.log('rejected', e.message); }

  const ac = new AbortController();
  const slow = new Readable({ read() {} });
  setTimeout(() => ac.abort(), 5);
  try {
    await pipeline(slow, new PassThrough(), { signal: ac.signal });
  } catch (e) { console.log('aborted', e.name, e.code, slow.destroyed); }

  await util.promisify(stream.pipeline)(Readable.from(['z']), new PassThrough().resume());
  console.log('promisified ok');

  const r = Readable.from(['q']);
  r.resume();
  await finished(r);
  console.log('finished', r.readableEnded);
  const e = new Readable({ read() {} });
  setTimeout(() => e.destroy(new Error('late')), 1);
  await finished(e).catch((err) => console.log('finished rejected', err.message));
})();
