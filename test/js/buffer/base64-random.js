// Base64/base64url encoding and lenient decoding of pseudo-random data and
// strings of every length and offset (exercises the vector and scalar paths);
// checksums must equal Node's.
let x = 3;
const rnd = () => { x = (x * 1103515245 + 12345) & 0x7fffffff; return x >> 8; };
let h = 0;
for (let t = 0; t < 3000; t++) {
  const len = t < 300 ? t : rnd() % 5000;
  const b = Buffer.alloc(len);
  for (let i = 0; i < len; i++) b[i] = rnd() & 255;
  const off = rnd() % 7;
  const v = b.subarray(Math.min(off, len));
  for (const enc of ['base64', 'base64url']) {
    const s = v.toString(enc);
    for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  }
}
const big = Buffer.alloc(1 << 20); for (let i = 0; i < big.length; i++) big[i] = rnd() & 255;
const bs = big.toString('base64');
for (let i = 0; i < bs.length; i += 7) h = (h * 31 + bs.charCodeAt(i)) >>> 0;
console.log("encode", h, Buffer.from(bs, 'base64').equals(big));
{
x = 11;
const rnd = () => { x = (x * 1103515245 + 12345) & 0x7fffffff; return x >> 8; };
const alpha = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
h = 0;
for (let t = 0; t < 2000; t++) {
  const len = rnd() % 400;
  let s = '';
  const p = rnd() % 3;
  for (let i = 0; i < len; i++) {
    const r = rnd() % 1000;
    s += r < 1000 - p * 5 ? alpha[rnd() % 64] : ' \n=-_@!\t'[rnd() % 8];
  }
  const b = Buffer.from(s, 'base64');
  const w = Buffer.alloc(rnd() % 300); const n = w.write(s, 'base64');
  for (const c of b) h = (h * 31 + c) >>> 0;
  h = (h * 31 + n + b.length) >>> 0;
}
console.log("decode", h);
}
