// zlib streams over several megabytes (devrun-js compresses such streams in
// parallel blocks once more than 1 MiB has gone through, see
// runtime/src/binding_zlib.c): the output is one stream that the other side
// decodes byte for byte, flush(Z_SYNC_FLUSH) mid-stream makes everything
// written so far decodable and ends with the 00 00 ff ff marker, params()
// and Z_FULL_FLUSH mid-stream, small windowBits, small and odd-sized writes,
// destroy() with work in flight.  Only facts about the decoded data are
// printed: compressed bytes differ between zlib builds.
'use strict';
const zlib = require('zlib');
const { pipeline, Readable, Writable } = require('stream');

// 3 MiB of text with some variety (compresses about 4:1).
function makeText(bytes, seed) {
  const words = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor'.split(' ');
  const parts = [];
  let n = 0;
  let x = seed;
  while (n < bytes) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const s = `${x % 100000} ${words[x % 12]} ${words[(x >> 8) % 12]} ${(x >> 4) % 9973}\n`;
    parts.push(s);
    n += s.length;
  }
  return Buffer.from(parts.join('')).subarray(0, bytes);
}
const text = makeText(3 * 1024 * 1024, 7);

function chunksOf(buf, size) {
  const out = [];
  for (let i = 0; i < buf.length; i += size) out.push(buf.subarray(i, i + size));
  return out;
}

function collect(stream) {
  const parts = [];
  stream.on('data', (d) => parts.push(d));
  return () => Buffer.concat(parts);
}

// ratio: print whether the output is under a third of the input (only for
// default settings, where every zlib build gets about 4:1 on this text).
function roundTrip(name, make, decode, chunkSize, ratio = true) {
  return new Promise((resolve) => {
    const parts = [];
    const z = make();
    pipeline(Readable.from(chunksOf(text, chunkSize)), z,
      new Writable({ write(c, e, cb) { parts.push(c); cb(); } }), (err) => {
        const out = Buffer.concat(parts);
        const back = decode(out);
        console.log(name, 'error', err, 'decoded equals input', back.equals(text),
          ratio ? `smaller than a third ${out.length < text.length / 3}` : '', 'bytesWritten', z.bytesWritten);
        resolve();
      });
  });
}

function write(z, data) {
  return new Promise((resolve) => z.write(data, resolve));
}

async function flushes() {
  // deflateRaw: sync flush after 1.5 MiB, params(), full flush, end.
  const z = zlib.createDeflateRaw();
  const output = collect(z);
  for (const c of chunksOf(text.subarray(0, 1.5 * 1024 * 1024), 65536)) await write(z, c);
  await new Promise((resolve) => z.flush(zlib.constants.Z_SYNC_FLUSH, resolve));
  let out = output();
  console.log('after sync flush: ends with 00 00 ff ff',
    out.subarray(out.length - 4).toString('hex') === '0000ffff');
  const part = zlib.inflateRawSync(out, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  console.log('after sync flush: decodes to what was written', part.equals(text.subarray(0, 1.5 * 1024 * 1024)));
  await new Promise((resolve) => z.params(1, zlib.constants.Z_FILTERED, resolve));
  for (const c of chunksOf(text.subarray(1.5 * 1024 * 1024, 2.5 * 1024 * 1024), 100000)) await write(z, c);
  await new Promise((resolve) => z.flush(zlib.constants.Z_FULL_FLUSH, resolve));
  out = output();
  console.log('after full flush: ends with 00 00 ff ff', out.subarray(out.length - 4).toString('hex') === '0000ffff');
  console.log('after full flush: decodes to what was written',
    zlib.inflateRawSync(out, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).equals(text.subarray(0, 2.5 * 1024 * 1024)));
  // a sync flush right after a full flush writes nothing more (as deflate())
  const before = output().length;
  await new Promise((resolve) => z.flush(zlib.constants.Z_SYNC_FLUSH, resolve));
  console.log('sync flush after a full flush adds bytes', output().length - before);
  await write(z, text.subarray(2.5 * 1024 * 1024, 2.5 * 1024 * 1024 + 10));
  await new Promise((resolve) => z.flush(zlib.constants.Z_SYNC_FLUSH, resolve));
  const tail = output();
  console.log('sync flush after 10 bytes: ends with 00 00 ff ff', tail.subarray(tail.length - 4).toString('hex') === '0000ffff');
  await new Promise((resolve) => z.end(text.subarray(2.5 * 1024 * 1024 + 10), resolve));
  await new Promise((resolve) => (z.readableEnded ? resolve() : z.on('end', resolve)));
  console.log('flushes: whole stream decodes', zlib.inflateRawSync(output()).equals(text));
  console.log('flushes: bytesWritten', z.bytesWritten);
}

async function smallWindow() {
  const opts = { windowBits: 10, memLevel: 9 };
  await roundTrip('deflate windowBits 10', () => zlib.createDeflate(opts),
    (b) => zlib.inflateSync(b, { windowBits: 10 }), 65536, false);
}

async function destroyMidway() {
  const z = zlib.createGzip();
  z.on('data', () => {});
  for (const c of chunksOf(text.subarray(0, 2 * 1024 * 1024), 65536)) await write(z, c);
  z.write(text.subarray(2 * 1024 * 1024));
  await new Promise((resolve) => { z.on('close', resolve); z.destroy(); });
  console.log('destroyed with writes pending: closed', z.destroyed);
}

async function main() {
  await roundTrip('gzip 64 KiB writes', () => zlib.createGzip(), (b) => zlib.gunzipSync(b), 65536);
  await roundTrip('deflate 64 KiB writes', () => zlib.createDeflate(), (b) => zlib.inflateSync(b), 65536);
  await roundTrip('deflateRaw 1000-byte writes', () => zlib.createDeflateRaw({ level: 1 }), (b) => zlib.inflateRawSync(b), 1000, false);
  await roundTrip('gzip 1 MiB + 1 writes', () => zlib.createGzip({ level: 2 }), (b) => zlib.gunzipSync(b), 1024 * 1024 + 1, false);
  await flushes();
  await smallWindow();
  await destroyMidway();
  // the callback form on a big buffer
  const gz = await new Promise((resolve, reject) => zlib.gzip(text, (e, r) => (e ? reject(e) : resolve(r))));
  console.log('zlib.gzip(3 MiB) decodes', zlib.gunzipSync(gz).equals(text));
}
main();
