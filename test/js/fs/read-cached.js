// fs.read of files whose bytes are in the page cache (devrun-js serves those
// without the thread pool) behaves as Node's: the callback is asynchronous
// (after the caller's nextTicks and microtasks), explicit positions and the
// file position advance as with read(2), reads at and past the end, into
// the middle of a buffer, of length 0, on a character device and on a
// directory or closed descriptor (errors), and streams' chunk sizes.
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-cached-'));
const f = path.join(dir, 'a.bin');
const data = Buffer.alloc(200000);
for (let i = 0; i < data.length; i++) data[i] = (i * 7 + (i >> 9)) & 255;
fs.writeFileSync(f, data);
fs.readFileSync(f); // in the page cache now
const fd = fs.openSync(f, 'r');
const order = [];
const readP = (buf, off, len, pos) => new Promise((resolve) => {
  fs.read(fd, buf, off, len, pos, (err, n, b) => resolve([err && err.code, n, b]));
});

fs.read(fd, Buffer.alloc(10), 0, 10, 0, (err, n, b) => {
  order.push('read');
  console.log('position 0:', err, n, b.toString('hex'));
  console.log('order:', order.join(' '));
  rest().then(() => fs.rmSync(dir, { recursive: true }));
});
process.nextTick(() => order.push('tick'));
Promise.resolve().then(() => order.push('microtask'));
order.push('sync');

async function rest() {
  // The file position: three 70000-byte reads and one past the end.
  const sizes = [];
  const got = [];
  for (let i = 0; i < 4; i++) {
    const [err, n, b] = await readP(Buffer.alloc(70000), 0, 70000, null);
    sizes.push(err || n);
    got.push(b.subarray(0, n));
  }
  console.log('file position:', sizes.join(' '), Buffer.concat(got).equals(data));
  console.log('at the end:', (await readP(Buffer.alloc(8), 0, 8, 200000)).slice(0, 2));
  console.log('past the end:', (await readP(Buffer.alloc(8), 0, 8, 500000)).slice(0, 2));
  const [, n5, b5] = await readP(Buffer.alloc(8), 0, 8, 199996);
  console.log('short at the end:', n5, b5.toString('hex'));
  const mid = Buffer.alloc(16, 0xee);
  const [, n6] = await readP(mid, 4, 8, 1000);
  console.log('middle of a buffer:', n6, mid.toString('hex'), data.subarray(1000, 1008).toString('hex'));
  console.log('length 0:', (await readP(Buffer.alloc(4), 0, 0, 0)).slice(0, 2));
  // Many reads at once, each with its own position.
  const all = await Promise.all([0, 65536, 131072, 196608].map((p) => readP(Buffer.alloc(65536), 0, 65536, p)));
  console.log('concurrent:', all.map(([e, n]) => e || n).join(' '),
    all.every(([, n, b], i) => b.subarray(0, n).equals(data.subarray(i * 65536, i * 65536 + n))));
  const zfd = fs.openSync('/dev/zero', 'r');
  await new Promise((resolve) => fs.read(zfd, Buffer.alloc(4, 1), 0, 4, null, (err, n, b) => {
    console.log('character device:', err, n, b.toString('hex'));
    fs.closeSync(zfd);
    resolve();
  }));
  const dfd = fs.openSync(dir, 'r');
  await new Promise((resolve) => fs.read(dfd, Buffer.alloc(4), 0, 4, null, (err) => {
    console.log('directory:', err && err.code, err && err.syscall);
    fs.closeSync(dfd);
    resolve();
  }));
  fs.closeSync(fd);
  await new Promise((resolve) => fs.read(fd, Buffer.alloc(4), 0, 4, 0, (err) => {
    console.log('closed descriptor:', err && err.code, err && err.syscall);
    resolve();
  }));
  for (const opts of [{}, { highWaterMark: 30000 }, { start: 5, end: 100004, highWaterMark: 40000 }]) {
    const chunks = [];
    await new Promise((resolve) => fs.createReadStream(f, opts)
      .on('data', (c) => chunks.push(c)).on('end', resolve));
    const whole = Buffer.concat(chunks);
    const want = data.subarray(opts.start || 0, opts.end === undefined ? data.length : opts.end + 1);
    console.log('stream', JSON.stringify(opts), chunks.map((c) => c.length).join(','), whole.equals(want));
  }
}
