// stream.finished, isReadable/isDisturbed/isErrored/isWritable and
// addAbortSignal applied to web streams.
const { finished, isErrored, isDisturbed, isReadable, isWritable, addAbortSignal } = require('stream');
const { ReadableStream, WritableStream } = require('stream/web');
(async () => {
  const rs = new ReadableStream({ start(c) { c.enqueue(1); c.close(); } });
  console.log('fresh', isReadable(rs), isDisturbed(rs), isErrored(rs));
  finished(rs, (err) => console.log('finished readable', err));
  for await (const v of rs) console.log('v', v);
  console.log('after', isReadable(rs), isDisturbed(rs), isErrored(rs));
  const bad = new ReadableStream({ start(c) { c.error(new Error('web boom')); } });
  finished(bad, (err) => console.log('finished errored', err && err.message));
  await new Promise((r) => setTimeout(r, 5));
  console.log('errored', isErrored(bad), isReadable(bad));
  const ws = new WritableStream();
  console.log('writable', isWritable(ws));
  finished(ws, (err) => console.log('finished writable', err));
  await ws.getWriter().close();
  const ac = new AbortController();
  const rs2 = addAbortSignal(ac.signal, new ReadableStream());
  ac.abort();
  await rs2.getReader().read().catch((e) => console.log('aborted web', e.name));
  const ws2 = addAbortSignal(ac.signal, new WritableStream());
  await ws2.getWriter().write(1).catch((e) => console.log('aborted web writable', e.name));
})();
