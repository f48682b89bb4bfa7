// Readable.toWeb / Readable.fromWeb / Writable.toWeb / Writable.fromWeb.
const { Readable, Writable } = require('stream');
const { ReadableStream, WritableStream } = require('stream/web');
(async () => {
  const web = Readable.toWeb(Readable.from(['a', 'b', 'c']));
  const got = [];
  for await (const v of web) got.push(v);
  console.log('toWeb', got);

  const node = Readable.fromWeb(new ReadableStream({ start(c) { c.enqueue('x'); c.enqueue('y'); c.close(); } }), { objectMode: true });
  const got2 = [];
  for await (const v of node) got2.push(v);
  console.log('fromWeb', got2);

  const sink = [];
  const w = Writable.fromWeb(new WritableStream({ write(ch) { sink.push(Buffer.from(ch).toString()); } }));
  w.write('one');
  w.end('two');
  await new Promise((res) => w.on('finish', res));
  console.log('Writable.fromWeb', sink);

  const chunks = [];
  const nodeW = new Writable({ write(c, e, cb) { chunks.push(String(c)); cb(); } });
  const ws = Writable.toWeb(nodeW);
  const writer = ws.getWriter();
  await writer.write(new TextEncoder().encode('p'));
  await writer.write(new TextEncoder().encode('q'));
  await writer.close();
  console.log('Writable.toWeb', chunks, nodeW.writableFinished);

  const broken = Readable.fromWeb(new ReadableStream({ start(c) { c.error(new Error('web failed')); } }));
  broken.on('error', (e) => console.log('fromWeb error', e.message));
  broken.resume();
})();
