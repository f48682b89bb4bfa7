// Random numbers: sizes, ranges and shapes (values are random, so only facts
// about them are printed), validation errors, async forms, getRandomValues.
const crypto = require('crypto');
function t(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
console.log(crypto.randomBytes(0).length, crypto.randomBytes(16).length, Buffer.isBuffer(crypto.randomBytes(3)));
console.log(crypto.randomBytes(64).equals(crypto.randomBytes(64)));
const u = crypto.randomUUID();
console.log(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(u), u.length);
const set = new Set();
for (let i = 0; i < 1000; i++) set.add(crypto.randomUUID());
console.log('unique uuids', set.size);
console.log(/^[0-9a-f-]{36}$/.test(crypto.randomUUID({ disableEntropyCache: true })));
let ok = true;
const seen = new Set();
for (let i = 0; i < 2000; i++) {
  const n = crypto.randomInt(10);
  if (!Number.isInteger(n) || n < 0 || n >= 10) ok = false;
  seen.add(n);
  const m = crypto.randomInt(-5, 5);
  if (m < -5 || m >= 5) ok = false;
}
console.log('randomInt in range', ok, 'all values seen', seen.size);
const buf = Buffer.alloc(8);
crypto.randomFillSync(buf, 2, 4);
console.log('fill untouched ends', buf[0], buf[1], buf[6], buf[7]);
const u32 = new Uint32Array(4);
console.log(crypto.randomFillSync(u32) === u32, crypto.randomFillSync(new ArrayBuffer(4)).byteLength);
t('size -1', () => crypto.randomBytes(-1));
t('size string', () => crypto.randomBytes('1'));
t('size big', () => crypto.randomBytes(2 ** 31));
t('callback', () => crypto.randomBytes(1, 'x'));
t('fill offset', () => crypto.randomFillSync(Buffer.alloc(4), 5));
t('fill size', () => crypto.randomFillSync(Buffer.alloc(4), 1, 4));
t('fill type', () => crypto.randomFillSync('abc'));
t('int order', () => crypto.randomInt(10, 5));
t('int float', () => crypto.randomInt(1.5));
t('int range', () => crypto.randomInt(2 ** 48));
t('int range2', () => crypto.randomInt(-1, 2 ** 48));
t('uuid opt', () => crypto.randomUUID({ disableEntropyCache: 1 }));
t('uuid opt2', () => crypto.randomUUID(1));
t('grv float', () => crypto.getRandomValues(new Float64Array(2)));
t('grv big', () => crypto.getRandomValues(new Uint8Array(65537)));
console.log(crypto.getRandomValues(new Uint8Array(65536)).length, crypto.webcrypto.getRandomValues(new BigInt64Array(2)).length);
// The thread pool may finish these in any order (in Node too): print sorted.
const asyncLines = [];
const done = (line) => { asyncLines.push(line); if (asyncLines.length === 4) console.log(asyncLines.sort().join('\n')); };
crypto.randomBytes(32, (err, b) => done(`async randomBytes ${err} ${b.length}`));
crypto.randomFill(new Uint8Array(10), 5, (err, b) => done(`async randomFill ${err} ${b.length}`));
crypto.randomFill(Buffer.alloc(10), 2, 3, (err, b) => done(`async randomFill 3 ${err} ${b[0]} ${b[9]}`));
crypto.randomInt(1, 3, (err, n) => done(`async randomInt ${err} ${n === 1 || n === 2}`));
