// Default highWaterMarks (16 KiB, 16 objects), setDefaultHighWaterMark,
// per-side options on Duplex, invalid values.
const stream = require('stream');
const { Readable, Writable, Duplex, Transform } = stream;
console.log(stream.getDefaultHighWaterMark(false), stream.getDefaultHighWaterMark(true));
console.log(new Readable().readableHighWaterMark, new Writable().writableHighWaterMark);
console.log(new Readable({ objectMode: true }).readableHighWaterMark);
const d = new Duplex({ readableHighWaterMark: 5, writableHighWaterMark: 7 });
console.log(d.readableHighWaterMark, d.writableHighWaterMark);
const d2 = new Duplex({ highWaterMark: 3, readableHighWaterMark: 5 });
console.log(d2.readableHighWaterMark, d2.writableHighWaterMark);
const t = new Transform({ readableHighWaterMark: 0 });
console.log(t.readableHighWaterMark, t.writableHighWaterMark);
for (const bad of [-1, 1.5, 'x', NaN]) {
  try { new Readable({ highWaterMark: bad }); } catch (e) { console.log(e.name, e.code, e.message); }
}
try { new Duplex({ readableHighWaterMark: -2 }); } catch (e) { console.log(e.code, e.message); }
stream.setDefaultHighWaterMark(false, 1024);
stream.setDefaultHighWaterMark(true, 4);
console.log(new Writable().writableHighWaterMark, new Readable({ objectMode: true }).readableHighWaterMark);
try { stream.setDefaultHighWaterMark(false, -1); } catch (e) { console.log(e.code, e.message); }
console.log(new Readable({ highWaterMark: 0 }).readableHighWaterMark);
