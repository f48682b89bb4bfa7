// for await over Readables: chunks in order, break destroys the stream,
// an error rejects the loop, destroyOnReturn: false keeps the stream,
// iterating an errored stream, and readable.iterator().
const { Readable, PassThrough } = require('stream');
(async () => {
  const r = new Readable({ read() {} });
  r.push('a'); r.push('b'); r.push(null);
  const got = [];
  for await (const c of r) got.push(String(c));
  console.log(got, r.destroyed);

  const inf = new Readable({ objectMode: true, read() { this.push(Date.now() > 0 ? 'tick' : null); } });
  let n = 0;
  for await (const c of inf) { if (++n === 3) break; }
  console.log('break', n, inf.destroyed);
  await new Promise((res) => setImmediate(res));
  console.log('errored after break', inf.errored && inf.errored.name);

  const bad = new PassThrough();
  setTimeout(() => bad.destroy(new Error('mid-stream')), 1);
  bad.write('x');
  try {
    for await (const c of bad) console.log('got', String(c));
  } catch (e) { console.log('caught', e.message); }

  const keep = Readable.from(['k1', 'k2', 'k3']);
  for await (const c of keep.iterator({ destroyOnReturn: false })) { console.log('first', c); break; }
  console.log('kept', keep.destroyed);
  for await (const c of keep) console.log('rest', c);

  const early = new PassThrough();
  early.destroy(new Error('already'));
  try { for await (const c of early) console.log(c); } catch (e) { console.log('pre-errored', e.message); }

  try { Readable.from([]).iterator('x'); } catch (e) { console.log(e.code); }
})();
