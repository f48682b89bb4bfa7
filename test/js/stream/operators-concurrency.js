// map/forEach/filter with concurrency: how many calls run at once, how far
// ahead of the consumer values are taken (concurrency + highWaterMark),
// results in source order; option validation; abort.  Calls are settled by
// hand, in a chosen order, so the interleaving is deterministic.
const { Readable } = require('stream');
const tick = () => new Promise((r) => setImmediate(r));

async function scenario(label, values, options, settleOrder) {
  const log = [];
  const pending = new Map();
  const mapped = Readable.from(values).map((v) => {
    log.push('start ' + v);
    return new Promise((resolve) => pending.set(v, () => { log.push('done ' + v); resolve(v * 10); }));
  }, options);
  const results = [];
  const consumer = (async () => { for await (const r of mapped) { log.push('got ' + r); results.push(r); } })();
  for (const v of settleOrder) {
    await tick(); await tick();
    if (pending.has(v)) { pending.get(v)(); pending.delete(v); } else log.push('not started ' + v);
  }
  await tick();
  for (const [, settle] of pending) settle();
  await consumer;
  console.log(label, results.join(','), '|', log.join(', '));
}

(async () => {
  await scenario('c1', [1, 2, 3], undefined, [1, 2, 3]);
  await scenario('c2', [1, 2, 3, 4], { concurrency: 2 }, [2, 1, 3, 4]);
  await scenario('c3 hwm0', [1, 2, 3, 4, 5], { concurrency: 3, highWaterMark: 0 }, [3, 2, 1, 4, 5]);
  await scenario('c2 hwm3', [1, 2, 3, 4, 5, 6], { concurrency: 2, highWaterMark: 3 }, [2, 3, 4, 1, 5, 6]);

  const log = [];
  const gates = [];
  const all = Readable.from([1, 2, 3]).forEach((v) => { log.push('s' + v); return new Promise((r) => gates.push(() => { log.push('e' + v); r(); })); }, { concurrency: 3 });
  await tick();
  gates[2](); gates[0](); gates[1]();
  await all;
  console.log('forEach', log.join(','));

  console.log(await Readable.from([1, 2, 3, 4, 5, 6]).filter(async (x) => x % 2, { concurrency: 4 }).toArray());
  console.log(await Readable.from([1, 2, 3]).some((x) => x === 2, { concurrency: 2 }), await Readable.from([1, 2, 3]).find((x) => x > 1));
  for (const bad of [0, 'x', -1]) {
    try { Readable.from([1]).map((x) => x, { concurrency: bad }); } catch (e) { console.log(e.code, e.message); }
  }
  try { Readable.from([1]).map((x) => x, { highWaterMark: -1 }); } catch (e) { console.log(e.code, e.message); }
  const ac = new AbortController();
  const p = Readable.from([1, 2, 3]).map((x) => new Promise(() => {}), { signal: ac.signal }).toArray();
  await tick();
  ac.abort();
  await p.catch((e) => console.log('aborted', e.name));
})();
