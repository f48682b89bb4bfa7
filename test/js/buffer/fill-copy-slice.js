// fill with numbers, strings, buffers and ranges; copy with overlapping and
// clamped ranges; slice/subarray sharing memory; write() argument forms.
const b = Buffer.alloc(10);
console.log(b.fill('abc'), b.fill(0), b.fill('xy', 3), b.fill('z', 1, 3), b.fill(65, 8, 10), b.fill('6162', 'hex'), b.fill('é'), b.fill(Buffer.from([1, 2, 3]), 4, 9));
console.log(b.fill('ab', 'ucs2'), b.fill('YWJj', 0, 5, 'base64'), b.fill(''), b.fill(300), b.fill(-1), b.fill(null), b.fill({}));
for (const t of [() => b.fill('a', -1), () => b.fill('a', 0, 11), () => b.fill('a', 'nope'), () => b.fill('zz', 'hex'), () => b.fill('a', 5, 2), () => b.fill('a', 1.5), () => b.fill(Buffer.alloc(0))]) {
  try { console.log(t()); } catch (e) { console.log(e.name, e.code, e.message); }
}
const src = Buffer.from('0123456789');
const dst = Buffer.alloc(6, '.');
console.log(src.copy(dst), dst.toString(), src.copy(dst, 4), dst.toString(), src.copy(dst, 0, 8), dst.toString(), src.copy(dst, 1, 2, 4), dst.toString(), src.copy(dst, 10), src.copy(dst, 0, 5, 2));
const ov = Buffer.from('abcdefgh');
ov.copy(ov, 2, 0, 5);
console.log(ov.toString(), Buffer.from('xyz').copy(new Uint8Array(5), 1), src.copy(dst, '1', '2', '3'), dst.toString());
for (const t of [() => src.copy('x'), () => src.copy(dst, -1), () => src.copy(dst, 0, -1), () => src.copy(dst, 0, 11), () => src.copy(dst, 0, 0, -1)]) {
  try { console.log(t()); } catch (e) { console.log(e.name, e.code, e.message); }
}
const s = src.slice(2, 5);
s[0] = 0x41;
console.log(s.toString(), src.toString(), src.subarray(-3).toString(), src.slice(-3, -1).toString(), src.slice(5, 2).length, src.slice('2', '4').toString(), src.slice(NaN, 3).toString(), src.subarray(8, 100).toString(), src.slice() !== src);
const w = Buffer.alloc(8);
console.log(w.write('hello'), w.toString(), w.write('xy', 6), w.toString(), w.write('€€', 5), w, w.write('abc', 1, 1), w.write('6162', 'hex'), w.write('6364', 2, 'hex'), w.write('zz', 'hex'), w.write('ab', 0, 4, 'ucs2'), w);
for (const t of [() => w.write(1), () => w.write('a', 9), () => w.write('a', -1), () => w.write('a', 0, 9), () => w.write('a', 'bogus'), () => w.write('a', 0, 1, 'bogus')]) {
  try { console.log(t()); } catch (e) { console.log(e.name, e.code, e.message); }
}
