// compare/equals and indexOf/lastIndexOf/includes across encodings and
// offsets (negative, past the end, NaN-like).
const a = Buffer.from('abc'), b = Buffer.from('abd'), c = Buffer.from('ab');
console.log(Buffer.compare(a, b), Buffer.compare(b, a), Buffer.compare(a, c), Buffer.compare(c, a), Buffer.compare(a, Buffer.from('abc')), Buffer.compare(a, a));
console.log(a.compare(b), a.compare(b, 0, 2, 0, 2), a.compare(b, 2), a.compare(b, 0, 0, 1, 1), a.compare(b, 1, 1), a.equals(Buffer.from('abc')), a.equals(b), a.equals(new Uint8Array([97, 98, 99])));
console.log([b, a, c, Buffer.from('')].sort(Buffer.compare).map(String));
for (const t of [() => Buffer.compare(a, 'x'), () => Buffer.compare(1, a), () => a.compare('abc'), () => a.equals('abc'), () => a.compare(b, -1), () => a.compare(b, 0, 9), () => a.compare(b, 0, 1, 0, 4)]) {
  try { console.log(t()); } catch (e) { console.log(e.name, e.code, e.message); }
}
const h = Buffer.from('this is a buffer, a buffer it is');
const cases = [['is'], ['is', 3], ['is', -5], ['is', 100], ['buffer', 12], ['xyz'], [''], ['', 5], ['', 100], [97], [97, 9], [0x161], [Buffer.from('buf')], [new Uint8Array([97, 32])], ['a b', 'latin1'], ['6275', 'hex'], ['YnVm', 'base64'], ['is', 'ucs2'], ['is', NaN], ['is', '3'], ['is', null], ['is', {}], ['is', 2.9]];
for (const args of cases) {
  try {
    console.log(JSON.stringify(args.map(String)), h.indexOf(...args), h.lastIndexOf(...args), h.includes(...args));
  } catch (e) {
    console.log(JSON.stringify(args.map(String)), e.name, e.code, e.message);
  }
}
const u = Buffer.from('abcabc', 'ucs2');
console.log(u.indexOf('c', 0, 'ucs2'), u.lastIndexOf('a', undefined, 'utf16le'), u.indexOf(Buffer.from('b\u0000c', 'latin1'), 0, 'ucs2'), u.indexOf('bc', 3, 'ucs2'), u.lastIndexOf('bc', -1, 'ucs2'));
console.log(Buffer.from('ééé').indexOf('é', 1), Buffer.from('ééé').lastIndexOf('é'), Buffer.from('aaa').lastIndexOf('a', -4), Buffer.from('aaa').indexOf('a', -10), Buffer.alloc(0).indexOf('a'), Buffer.alloc(0).indexOf(''));
for (const t of [() => h.indexOf({}), () => h.indexOf('a', 0, 'bogus'), () => h.indexOf(true)]) {
  try { console.log(t()); } catch (e) { console.log(e.name, e.code, e.message); }
}
