// Blocks of 2 MiB and more (their own mappings, recycled after GC): every
// encoding decodes and encodes them as Node does, including results shorter
// than the first estimate (whitespace and junk in base64, invalid hex, UTF-8
// shorter than 3 bytes per unit), and reused memory never leaks old bytes
// into a result.
let x = 777;
const data = Buffer.allocUnsafe(3 * 1024 * 1024 + 5);
for (let i = 0; i < data.length; i++) { x = (x * 1103515245 + 12345) & 0x7fffffff; data[i] = x >> 16; }
const sum = (b) => { let h = 0; for (let i = 0; i < b.length; i++) h = (h * 31 + (typeof b === 'string' ? b.charCodeAt(i) : b[i])) >>> 0; return h; };
for (let round = 0; round < 3; round++) {
  const out = [];
  for (const enc of ['base64', 'base64url', 'hex', 'latin1', 'ucs2']) {
    const s = data.toString(enc);
    const back = Buffer.from(s, enc);
    out.push(`${enc} ${s.length} ${sum(s)} ${back.length} ${sum(back)}`);
  }
  console.log(round, out.join(' | '));
}
const b64 = data.toString('base64');
// Line breaks every 76 characters, as MIME writes it: the decoded size is
// below the estimate.
const wrapped = b64.replace(/.{76}/g, '$&\r\n');
const w = Buffer.from(wrapped, 'base64');
console.log('wrapped', wrapped.length, w.length, w.equals(data));
const junk = Buffer.from(`${b64.slice(0, 3000000)}!!${b64.slice(3000000)}`, 'base64');
console.log('junk', junk.length, sum(junk));
const hex = data.toString('hex');
const cut = Buffer.from(`${hex.slice(0, 5000001)}zz${hex.slice(5000001)}`, 'hex');
console.log('invalid hex', cut.length, cut.equals(data.subarray(0, cut.length)));
const ascii = 'plain ascii text '.repeat(200000);
const a = Buffer.from(ascii);
console.log('utf8', ascii.length, a.length, a.toString() === ascii, sum(a));
const big = Buffer.allocUnsafe(4 * 1024 * 1024).fill(7);
console.log('allocUnsafe', big.length, big.every((v) => v === 7), Buffer.allocUnsafeSlow(2 * 1024 * 1024 + 1).length);
const zero = Buffer.alloc(5 * 1024 * 1024);
console.log('alloc', zero.length, zero.every((v) => v === 0));
