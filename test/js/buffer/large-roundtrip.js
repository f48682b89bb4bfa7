// Large buffers (beyond the pool, beyond the small-string paths): every
// encoding round-trips; a simple checksum of the encoded text is printed.
let x = 12345;
const data = Buffer.alloc(200003);
for (let i = 0; i < data.length; i++) { x = (x * 1103515245 + 12345) & 0x7fffffff; data[i] = x >> 16; }
const sum = (s) => { let h = 0; for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0; return h; };
for (const enc of ['hex', 'base64', 'base64url', 'latin1', 'ucs2']) {
  const s = data.toString(enc);
  const back = Buffer.from(s, enc);
  console.log(enc, s.length, sum(s), back.length, back.equals(enc === 'ucs2' ? data.subarray(0, data.length - 1) : data));
}
const text = 'héllo wörld € 😀 '.repeat(20000);
const u = Buffer.from(text);
console.log(u.length, Buffer.byteLength(text), u.toString() === text, sum(u.toString('base64')), u.indexOf('😀', 100000), u.lastIndexOf('€'), u.includes('nope'));
const ascii = Buffer.from(text, 'ascii');
console.log(ascii.length, sum(ascii.toString('ascii')), sum(ascii.toString('latin1')));
const wide = Buffer.from(text, 'utf16le');
console.log(wide.length, wide.toString('utf16le') === text, wide.indexOf('😀', 0, 'utf16le'), wide.lastIndexOf('wö', -1, 'utf16le'));
const f = Buffer.alloc(100000).fill('ab€');
console.log(sum(f.toString('latin1')), f.subarray(99995));
