// objectMode: any value except null is one chunk; highWaterMark counts items.
const { Readable } = require('stream');
const r = new Readable({ objectMode: true, read() {} });
console.log(r.readableObjectMode, r.readableHighWaterMark);
console.log(r.push(0), r.push(''), r.push(false), r.push([1]));
const seen = [];
r.on('data', (d) => seen.push(JSON.stringify(d)));
r.on('end', () => console.log(seen.join(' ')));
for (let i = 0; i < 13; i++) r.push({ i });
console.log(r.push('x'), r.readableLength);
r.push(null);
