// stream.duplexPair(), readable.compose(), and async disposal of streams.
const { duplexPair, Readable, Writable, Transform } = require('stream');
const kAsyncDispose = Symbol.for('nodejs.asyncDispose');
(async () => {
  const [a, b] = duplexPair();
  b.on('data', (d) => console.log('b got', String(d)));
  a.on('data', (d) => console.log('a got', String(d)));
  b.on('end', () => console.log('b readable ended'));
  a.write('ping');
  b.write('pong');
  await new Promise((r) => setImmediate(r));
  a.end();
  await new Promise((r) => b.on('end', r));
  const [x] = duplexPair({ objectMode: true });
  console.log('objectMode', x.readableObjectMode, x.writableObjectMode);

  const composed = Readable.from(['a', 'b']).compose(new Transform({ transform(c, e, cb) { cb(null, String(c).toUpperCase()); } }));
  console.log('compose', (await composed.toArray()).map(String));
  const gen = Readable.from([1, 2, 3]).compose(async function* (src) { for await (const v of src) yield v * 2; });
  console.log('compose generator', await gen.toArray());

  const r = new Readable({ read() {} });
  await r[kAsyncDispose]();
  console.log('readable disposed', r.destroyed, r.errored && r.errored.name);
  const done = Readable.from([]);
  await done.toArray();
  await done[kAsyncDispose]();
  console.log('ended readable disposed', done.destroyed, done.errored);
  const w = new Writable({ write(c, e, cb) { cb(); } });
  await w[kAsyncDispose]();
  console.log('writable disposed', w.destroyed, w.errored && w.errored.name);
})();
