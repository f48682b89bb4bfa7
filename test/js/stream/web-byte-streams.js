// Byte streams: a 'bytes' source read by a default reader and by a BYOB
// reader (reads served from the queue, partial fills, element sizes,
// byobRequest.respond from the source, autoAllocateChunkSize), the
// caller's buffer being transferred, close with pending reads, cancel,
// errors and bad arguments.
const { ReadableStream } = require('stream/web');
const hex = (v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex');
(async () => {
  const fromQueue = new ReadableStream({
    type: 'bytes',
    start(c) { c.enqueue(new Uint8Array([1, 2, 3])); c.enqueue(new Uint8Array([4, 5])); c.close(); },
  });
  const d = fromQueue.getReader();
  let r;
  while (!(r = await d.read()).done) console.log('default read', r.value.constructor.name, hex(r.value));

  const q = new ReadableStream({
    type: 'bytes',
    start(c) { c.enqueue(new Uint8Array([10, 11, 12, 13, 14])); c.close(); },
  });
  const br = q.getReader({ mode: 'byob' });
  const mine = new Uint8Array(3);
  const first = await br.read(mine);
  console.log('byob from queue', hex(first.value), first.done, 'caller view detached:', mine.byteLength === 0);
  const second = await br.read(new Uint8Array(8));
  console.log('byob rest', hex(second.value), second.done, second.value.buffer.byteLength);
  const third = await br.read(new Uint8Array(4));
  console.log('byob after close', third.value.byteLength, third.done);

  let n = 0;
  const pulled = new ReadableStream({
    type: 'bytes',
    pull(c) {
      const req = c.byobRequest;
      if (n === 2) { c.close(); if (req) req.respond(0); return; }
      const v = req.view;
      for (let i = 0; i < 3; i++) v[i] = 100 + n * 10 + i;
      n++;
      req.respond(3);
    },
  });
  const pr = pulled.getReader({ mode: 'byob' });
  let res;
  while (!(res = await pr.read(new Uint8Array(6))).done) console.log('byob via respond', hex(res.value));
  console.log('respond done', res.done, res.value && res.value.byteLength);

  const u16 = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([1, 0, 2, 0, 3])); c.close(); } });
  const u16r = u16.getReader({ mode: 'byob' });
  const a = await u16r.read(new Uint16Array(4));
  console.log('Uint16Array read', a.value.constructor.name, Array.from(a.value));
  await u16r.read(new Uint16Array(1)).catch((e) => console.log('odd byte left:', e.name, e.code));

  const auto = new ReadableStream({
    type: 'bytes',
    autoAllocateChunkSize: 4,
    pull(c) { const v = c.byobRequest.view; console.log('auto view', v.byteLength); v.set([7, 7]); c.byobRequest.respond(2); c.close(); },
  });
  const ar = auto.getReader();
  const av = await ar.read();
  console.log('autoAllocate read', hex(av.value), av.value.buffer.byteLength);
  console.log('then', (await ar.read()).done);

  const canceled = new ReadableStream({ type: 'bytes', cancel(reason) { console.log('source cancel', reason); } });
  const cr = canceled.getReader({ mode: 'byob' });
  const pending = cr.read(new Uint8Array(2));
  await cr.cancel('enough');
  console.log('pending read after cancel', JSON.stringify(await pending));

  const errored = new ReadableStream({ type: 'bytes', start(c) { c.error(new Error('bytes broke')); } });
  await errored.getReader({ mode: 'byob' }).read(new Uint8Array(1)).catch((e) => console.log('errored', e.message));

  try { new ReadableStream().getReader({ mode: 'byob' }); } catch (e) { console.log('byob on default stream', e.name, e.code); }
  const bad = new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' });
  await bad.read(new Uint8Array(0)).catch((e) => console.log('zero view', e.name, e.code));
  await bad.read('x').catch((e) => console.log('not a view', e.name, e.code));
  new ReadableStream({ type: 'bytes', start(c) {
    try { c.enqueue('x'); } catch (e) { console.log('enqueue string', e.name, e.code); }
    try { c.enqueue(new Uint8Array(0)); } catch (e) { console.log('enqueue empty', e.name, e.code); }
    console.log('desiredSize', c.desiredSize, 'byobRequest', c.byobRequest);
  } });
  try { new ReadableStream({ type: 'bytes' }, { size() { return 1; } }); } catch (e) { console.log('size with bytes', e.name, e.code); }
})();

// tee() of a byte stream gives byte streams, each with its own bytes.
(async () => {
  await new Promise((r) => setTimeout(r, 20));
  const src = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([1, 2, 3, 4])); c.close(); } });
  const [x, y] = src.tee();
  const xr = x.getReader({ mode: 'byob' });
  const got = await xr.read(new Uint8Array(2));
  console.log('tee byob branch', hex(got.value));
  const yr = y.getReader();
  const all = await yr.read();
  console.log('tee default branch', hex(all.value), all.value.buffer === got.value.buffer);
  console.log('tee rest', hex((await xr.read(new Uint8Array(8))).value), (await xr.read(new Uint8Array(1))).done, (await yr.read()).done);
})();

// respondWithNewView from the source.
(async () => {
  await new Promise((r) => setTimeout(r, 40));
  let k = 0;
  const s = new ReadableStream({
    type: 'bytes',
    pull(c) {
      const v = c.byobRequest.view;
      if (k++ === 2) { c.close(); c.byobRequest.respond(0); return; }
      v[0] = 40 + k;
      c.byobRequest.respondWithNewView(new Uint8Array(v.buffer, v.byteOffset, 1));
    },
  });
  const rd = s.getReader({ mode: 'byob' });
  let out;
  const seen = [];
  while (!(out = await rd.read(new Uint8Array(4))).done) seen.push(hex(out.value));
  console.log('respondWithNewView', seen.join(' '), out.done);
})();
