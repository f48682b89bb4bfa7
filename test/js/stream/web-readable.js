// stream/web ReadableStream: start/pull/cancel, controller.desiredSize,
// reader.read/releaseLock/closed, locking errors, async iteration, tee,
// ReadableStream.from, errors.
const { ReadableStream, CountQueuingStrategy } = require('stream/web');
(async () => {
  const log = [];
  let i = 0;
  const rs = new ReadableStream({
    start(c) { log.push('start ' + c.desiredSize); },
    pull(c) { log.push('pull ' + c.desiredSize); if (i < 3) c.enqueue(i++); else c.close(); },
    cancel(r) { log.push('cancel ' + r); },
  }, new CountQueuingStrategy({ highWaterMark: 2 }));
  const reader = rs.getReader();
  console.log('locked', rs.locked);
  try { rs.getReader(); } catch (e) { console.log(e.name, e.code, e.message); }
  let r;
  while (!(r = await reader.read()).done) log.push('read ' + r.value);
  await reader.closed;
  log.push('closed');
  reader.releaseLock();
  console.log(log.join('\n'), rs.locked);
  console.log(await reader.read().catch((e) => e.code));

  const it = new ReadableStream({ start(c) { ['x', 'y', 'z'].forEach((v) => c.enqueue(v)); c.close(); } });
  const vals = [];
  for await (const v of it) vals.push(v);
  console.log('iterated', vals, it.locked);

  const stopped = new ReadableStream({ pull(c) { c.enqueue('tick'); }, cancel(reason) { console.log('cancelled by break', reason); } });
  for await (const v of stopped) { console.log('first', v); break; }

  const [a, b] = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); c.close(); } }).tee();
  const ra = []; for await (const v of a) ra.push(v);
  const rb = []; for await (const v of b) rb.push(v);
  console.log('tee', ra, rb);

  const from = ReadableStream.from((async function* () { yield 'f1'; yield 'f2'; })());
  const fv = []; for await (const v of from) fv.push(v);
  console.log('from', fv);

  const err = new ReadableStream({ start(c) { c.error(new Error('src failed')); } });
  await err.getReader().read().catch((e) => console.log('read rejects', e.message));
  const thrower = new ReadableStream({ pull() { throw new Error('pull threw'); } });
  await thrower.getReader().closed.catch((e) => console.log('closed rejects', e.message));
  const closedC = new ReadableStream({ start(c) { c.close(); try { c.enqueue(1); } catch (e) { console.log(e.name, e.code, e.message); } } });
  console.log(await closedC.getReader().read());
  await new ReadableStream().cancel('why').then((v) => console.log('cancel resolves', v));
  const lockedOne = new ReadableStream();
  lockedOne.getReader();
  await lockedOne.cancel().catch((e) => console.log(e.code, e.message));
  console.log(Object.prototype.toString.call(lockedOne));
})();
