// Chunk boundaries inside characters for utf8, utf16le, base64 and hex,
// written through a Writable with decodeStrings and read with setEncoding.
const { PassThrough, Writable } = require('stream');
const text = 'añ€😀z';
for (const enc of ['utf8', 'utf16le', 'base64', 'hex', 'latin1']) {
  const p = new PassThrough();
  p.setEncoding(enc);
  let out = '';
  p.on('data', (d) => { out += d; });
  p.on('end', () => console.log(enc, JSON.stringify(out), Buffer.from(out, enc).toString('utf8') === (enc === 'latin1' ? Buffer.from(Buffer.from(text).toString('latin1'), 'latin1').toString() : text)));
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i++) p.write(bytes.subarray(i, i + 1));
  p.end();
}
const got = [];
const w = new Writable({ write(c, e, cb) { got.push(c.toString('hex')); cb(); } });
w.write('ff00', 'hex');
w.write('aGk=', 'base64');
w.write('é', 'latin1');
w.write('é', 'utf16le');
w.end(() => console.log(got.join(' ')));
