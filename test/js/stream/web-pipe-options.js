// pipeTo options and error propagation: preventClose keeps the destination
// open, a source error aborts the destination (unless preventAbort), a
// destination error cancels the source (unless preventCancel); tee branches
// both see an error; queuing strategy size() and desiredSize.
const { ReadableStream, WritableStream, ByteLengthQueuingStrategy } = require('stream/web');
const src = (items, err) => new ReadableStream({
  start(c) { items.forEach((v) => c.enqueue(v)); if (err) c.error(err); else c.close(); },
  cancel(reason) { console.log('  source cancelled:', reason && reason.message); },
});
const dst = (name, failOn) => {
  const got = [];
  return { got, ws: new WritableStream({
    write(ch) { if (ch === failOn) throw new Error('dest failed on ' + ch); got.push(ch); },
    close() { console.log(`  ${name} closed`); },
    abort(r) { console.log(`  ${name} aborted:`, r && r.message); },
  }) };
};
(async () => {
  console.log('preventClose');
  const a = dst('a');
  await src([1, 2]).pipeTo(a.ws, { preventClose: true });
  console.log('  got', a.got, 'locked', a.ws.locked);
  const w = a.ws.getWriter();
  await w.write(3);
  await w.close();
  console.log('  after manual close', a.got);

  console.log('source error');
  const b = dst('b');
  await src([1], new Error('src broke')).pipeTo(b.ws).catch((e) => console.log('  rejected:', e.message));
  console.log('source error, preventAbort');
  const b2 = dst('b2');
  await src([1], new Error('src broke')).pipeTo(b2.ws, { preventAbort: true }).catch((e) => console.log('  rejected:', e.message));

  console.log('destination error');
  const c = dst('c', 2);
  await new ReadableStream({ pull(ctl) { ctl.enqueue(ctl.desiredSize >= 0 ? 2 : 0); }, cancel(r) { console.log('  source cancelled:', r.message); } })
    .pipeTo(c.ws).catch((e) => console.log('  rejected:', e.message));

  console.log('tee error');
  let ctl;
  const [t1, t2] = new ReadableStream({ start(x) { ctl = x; } }).tee();
  const r1 = t1.getReader().read().catch((e) => 'b1 ' + e.message);
  const r2 = t2.getReader().read().catch((e) => 'b2 ' + e.message);
  ctl.error(new Error('teed'));
  console.log(' ', await r1, await r2);

  console.log('strategy');
  const rs = new ReadableStream({ start(x) { x.enqueue(new Uint8Array(5)); console.log('  desiredSize', x.desiredSize); } },
    new ByteLengthQueuingStrategy({ highWaterMark: 8 }));
  console.log('  first chunk bytes', (await rs.getReader().read()).value.byteLength);
  const bad = new ReadableStream({ start(x) { try { x.enqueue('x'); } catch (e) { console.log('  size threw:', e.message); } } }, { size() { throw new Error('bad size'); } });
  await bad.getReader().closed.catch((e) => console.log('  stream errored:', e.message));
  try { new ReadableStream({}, { highWaterMark: -1 }); } catch (e) { console.log(' ', e.name, e.code); }
  try { new ReadableStream({ type: 'nope' }); } catch (e) { console.log(' ', e.name, e.code); }
})();
