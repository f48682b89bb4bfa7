// push() returns false at highWaterMark; _read is called with the mark and
// only again once the consumer drains below it.
const { Readable } = require('stream');
let n = 0;
const calls = [];
const r = new Readable({
  highWaterMark: 4,
  read(size) {
    calls.push('read(' + size + ') len=' + this.readableLength);
    if (n >= 6) { this.push(null); return; }
    const ok = this.push(String(n++));
    calls.push('push->' + ok);
  },
});
setTimeout(() => {
  calls.push('buffered=' + r.readableLength);
  r.on('data', (d) => calls.push('data ' + d));
  r.on('end', () => { calls.push('end'); console.log(calls.join('\n')); });
}, 10);
