// stream.compose of a Transform and async generator functions; Duplex.from
// over a generator function, an async iterable, a promise, and a
// { readable, writable } pair.
const { compose, Duplex, Readable, Transform, PassThrough, pipeline } = require('stream');
(async () => {
  const upper = new Transform({ transform(c, e, cb) { cb(null, String(c).toUpperCase()); } });
  const composed = compose(upper, async function* (src) { for await (const c of src) yield `[${c}]`; });
  const out = [];
  composed.on('data', (d) => out.push(String(d)));
  composed.write('ab');
  composed.end('cd');
  await new Promise((res) => composed.on('end', res));
  console.log('composed', out.join(''));

  const dfGen = Duplex.from(async function* (src) { for await (const c of src) yield String(c).length; });
  const lens = [];
  dfGen.on('data', (d) => lens.push(d));
  dfGen.write('abc');
  dfGen.end('de');
  await new Promise((res) => dfGen.on('end', res));
  console.log('Duplex.from generator fn', lens);

  const fromIter = Duplex.from(['i1', 'i2']);
  console.log('iterable', await fromIter.toArray(), fromIter.writable);

  const fromPromise = Duplex.from(Promise.resolve('resolved'));
  console.log('promise', await fromPromise.toArray());

  const pr = new PassThrough();
  const pw = new PassThrough();
  const pair = Duplex.from({ readable: pr, writable: pw });
  pw.on('data', (d) => console.log('pair wrote', String(d)));
  pair.write('to writable');
  pr.end('from readable');
  pair.on('data', (d) => console.log('pair read', String(d)));

  const same = new PassThrough();
  console.log('duplex passthrough', Duplex.from(same) === same);
  try { Duplex.from(5); } catch (e) { console.log(e.code); }
  try { compose(); } catch (e) { console.log(e.code, e.message); }
})();
