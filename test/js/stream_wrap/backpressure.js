// 3 MiB through a JSStreamSocket over a PassThrough (an echo): the writer
// waits for 'drain', the reader pauses now and then; every byte comes back in
// order (sha256) and both byte counters agree.
process.on('warning', () => {});
const J = require('_stream_wrap');
const { PassThrough } = require('stream');
const crypto = require('crypto');
const pt = new PassThrough();
const s = new J(pt);
const data = Buffer.alloc(3 * 1024 * 1024 + 7);
for (let i = 0; i < data.length; i++) data[i] = (i * 31 + (i >> 9)) & 255;
const h = crypto.createHash('sha256');
let n = 0;
s.on('data', (d) => {
  h.update(d); n += d.length;
  if (n % 5 === 0 && !s.isPaused()) { s.pause(); setImmediate(() => s.resume()); }
  if (n === data.length) { console.log('received', n, h.digest('hex') === crypto.createHash('sha256').update(data).digest('hex')); s.end(); }
});
let drains = 0;
s.on('drain', () => drains++);
s.on('close', () => console.log('close; drains seen', drains > 0, 'bytesRead', s.bytesRead, 'bytesWritten', s.bytesWritten));
let off = 0;
(function writeMore() {
  while (off < data.length) {
    const chunk = data.subarray(off, off + 65536); off += chunk.length;
    if (!s.write(chunk)) { s.once('drain', writeMore); return; }
  }
})();
