// write() return values: a write completed synchronously does not count
// toward highWaterMark (no drain needed), an async one does; corked writes
// count; highWaterMark 0 with sync writes; push() return.
const { Writable, Readable } = require('stream');
const w = new Writable({ highWaterMark: 4, write(c, e, cb) { cb(); } });
w.on('drain', () => console.log('drain'));
console.log('sync big', w.write(Buffer.alloc(10)), w.writableLength, w.writableNeedDrain);
const w2 = new Writable({ highWaterMark: 4, write(c, e, cb) { setImmediate(cb); } });
w2.on('drain', () => console.log('drain2'));
console.log('async big', w2.write(Buffer.alloc(10)), w2.writableLength, w2.writableNeedDrain);
const w3 = new Writable({ highWaterMark: 4, write(c, e, cb) { cb(); } });
w3.cork(); console.log('corked', w3.write('abcdef'), w3.writableLength); w3.uncork();
w3.on('drain', () => console.log('drain3'));
const r = new Readable({ highWaterMark: 4, read() {} });
console.log('push', r.push('abcdef'), r.readableLength);
