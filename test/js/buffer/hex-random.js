// Hex decoding of pseudo-random digit strings (valid, mixed case, with
// invalid characters at random places) into buffers of random sizes;
// checksums must equal Node's (covers the vector and scalar paths).
let x = 5;
const rnd = () => { x = (x * 1103515245 + 12345) & 0x7fffffff; return x >> 8; };
const digits = '0123456789abcdefABCDEF';
let h = 0;
for (let t = 0; t < 3000; t++) {
  const len = t < 200 ? t : rnd() % 3000;
  let s = '';
  const bad = rnd() % 4;
  for (let i = 0; i < len; i++) s += (bad === 0 && rnd() % 500 === 0) ? 'g/:@G` '[rnd() % 7] : digits[rnd() % 22];
  const b = Buffer.from(s, 'hex');
  for (const c of b) h = (h * 31 + c) >>> 0;
  h = (h * 31 + b.length) >>> 0;
  const w = Buffer.alloc(rnd() % 1600);
  h = (h * 31 + w.write(s, 'hex')) >>> 0;
}
const big = Buffer.alloc(1 << 20); for (let i = 0; i < big.length; i++) big[i] = rnd() & 255;
console.log(h, Buffer.from(big.toString('hex'), 'hex').equals(big), Buffer.from(big.toString('hex').toUpperCase(), 'hex').equals(big));
