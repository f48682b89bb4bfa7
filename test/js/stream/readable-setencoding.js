// setEncoding decodes multi-byte characters split across chunks.
const { Readable } = require('stream');
const euro = Buffer.from('€uro ✓ 😀', 'utf8');
const r = new Readable({ read() {} });
r.setEncoding('utf8');
for (let i = 0; i < euro.length; i++) r.push(euro.subarray(i, i + 1));
r.push(null);
const parts = [];
r.on('data', (d) => parts.push(d));
r.on('end', () => console.log(JSON.stringify(parts.join('')), typeof parts[0], r.readableEncoding));

const h = new Readable({ read() {} });
h.push(Buffer.from([1, 2, 255]));
h.setEncoding('hex');
h.push(Buffer.from([16]));
h.push(null);
h.on('data', (d) => console.log('hex', d));

const b = new Readable({ read() {} });
b.setEncoding('base64');
b.push(Buffer.from('ab'));
b.push(Buffer.from('cd'));
b.push(null);
let s = '';
b.on('data', (d) => { s += d; });
b.on('end', () => console.log('base64', s));

const opt = new Readable({ encoding: 'latin1', read() {} });
opt.push(Buffer.from([0xe9, 0x41]));
opt.push(null);
opt.on('data', (d) => console.log('latin1', d, opt.readableEncoding));
