// Readable.from over arrays, generators, async generators, promises of
// values, strings and Buffers (one chunk); null values are an error; a
// non-iterable throws; objectMode false option.
const { Readable } = require('stream');
async function collect(r) { const out = []; for await (const c of r) out.push(c); return out; }
(async () => {
  console.log(await collect(Readable.from([1, 'two', { three: 3 }])));
  console.log(await collect(Readable.from(function* () { yield 'g1'; yield 'g2'; }())));
  console.log(await collect(Readable.from(async function* () { yield 'a1'; await null; yield 'a2'; }())));
  console.log(await collect(Readable.from([Promise.resolve('p1'), 'p2'])));
  console.log(await collect(Readable.from('whole string')));
  console.log(await collect(Readable.from(Buffer.from('buf'))));
  const bytes = Readable.from(['ab', 'cd'], { objectMode: false });
  console.log(bytes.readableObjectMode, (await collect(bytes)).map(String));
  const r = Readable.from(['x', null, 'y']);
  await collect(r).catch((e) => console.log('null', e.code, e.message));
  try { Readable.from(42); } catch (e) { console.log(e.code, e.message); }
  const hw = Readable.from([1]);
  console.log(hw.readableHighWaterMark, hw.readableObjectMode);
  let returned = false;
  const gen = (function* () { try { yield 1; yield 2; } finally { returned = true; } })();
  const d = Readable.from(gen);
  d.destroy();
  d.on('close', () => console.log('destroy returns the iterator', returned));
})();
