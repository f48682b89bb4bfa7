// stream/web WritableStream (writer.write/ready/close/abort, backpressure,
// errors), TransformStream, pipeTo/pipeThrough, TextEncoderStream and
// TextDecoderStream with a character split across chunks.
const { ReadableStream, WritableStream, TransformStream, TextEncoderStream, TextDecoderStream, CountQueuingStrategy } = require('stream/web');
(async () => {
  const log = [];
  const ws = new WritableStream({
    start() { log.push('start'); },
    write(chunk) { log.push('write ' + chunk); return new Promise((r) => setTimeout(r, 1)); },
    close() { log.push('close'); },
    abort(reason) { log.push('abort ' + reason); },
  }, new CountQueuingStrategy({ highWaterMark: 2 }));
  const w = ws.getWriter();
  log.push('desired ' + w.desiredSize);
  w.write('a'); w.write('b');
  log.push('desired after 2 ' + w.desiredSize);
  await w.ready;
  log.push('ready');
  await w.close();
  await w.closed;
  log.push('closed ' + w.desiredSize);
  console.log(log.join('\n'));

  const failing = new WritableStream({ write() { throw new Error('sink failed'); } });
  const fw = failing.getWriter();
  await fw.write('x').catch((e) => console.log('write rejects', e.message));
  await fw.closed.catch((e) => console.log('closed rejects', e.message));

  const ab = new WritableStream({ abort(r) { console.log('sink abort', r); } });
  await ab.getWriter().abort('stop');

  const upper = new TransformStream({
    transform(chunk, c) { c.enqueue(String(chunk).toUpperCase()); },
    flush(c) { c.enqueue('!'); },
  });
  const out = [];
  await new ReadableStream({ start(c) { c.enqueue('ab'); c.enqueue('cd'); c.close(); } })
    .pipeThrough(upper)
    .pipeTo(new WritableStream({ write(ch) { out.push(ch); } }));
  console.log('piped', out.join(''));

  const bytes = new TextEncoder().encode('h€llo 😀');
  const parts = [bytes.slice(0, 2), bytes.slice(2, 9), bytes.slice(9)];
  const text = [];
  await new ReadableStream({ start(c) { parts.forEach((p) => c.enqueue(p)); c.close(); } })
    .pipeThrough(new TextDecoderStream())
    .pipeTo(new WritableStream({ write(s) { text.push(s); } }));
  console.log('decoded', JSON.stringify(text.join('')));

  const enc = [];
  await new ReadableStream({ start(c) { c.enqueue('\ud83d'); c.enqueue('\ude00 ok'); c.close(); } })
    .pipeThrough(new TextEncoderStream())
    .pipeTo(new WritableStream({ write(u8) { enc.push(...u8); } }));
  console.log('encoded', Buffer.from(enc).toString('hex'));
  const tds = new TextDecoderStream('utf-16le', { fatal: true });
  console.log(tds.encoding, tds.fatal, tds.ignoreBOM, new TextEncoderStream().encoding);

  const errT = new TransformStream({ transform() { throw new Error('transform threw'); } });
  const ew = errT.writable.getWriter();
  const pending = errT.readable.getReader().read().catch((e) => console.log('readable errored', e.message));
  await ew.write('x').catch((e) => console.log('transform error', e.message));
  await pending;
  const held = new TransformStream();
  const hw = held.writable.getWriter();
  let wrote = false;
  hw.write('waits for a reader').then(() => { wrote = true; });
  await new Promise((r) => setTimeout(r, 5));
  console.log('written before read', wrote);
  console.log('read', (await held.readable.getReader().read()).value);
  await new Promise((r) => setTimeout(r, 1));
  console.log('written after read', wrote);

  const ac = new AbortController();
  const never = new ReadableStream({ pull() { return new Promise(() => {}); } });
  const p = never.pipeTo(new WritableStream(), { signal: ac.signal });
  ac.abort();
  await p.catch((e) => console.log('pipeTo aborted', e.name));
})();
