// A Transform stops taking input while its readable side is full, and
// resumes when the consumer reads.
const { Transform } = require('stream');
const log = [];
const t = new Transform({
  highWaterMark: 2,
  objectMode: true,
  transform(chunk, enc, cb) { log.push('transform ' + chunk); cb(null, chunk * 10); },
});
for (let i = 1; i <= 6; i++) log.push('write ' + i + ' -> ' + t.write(i));
setTimeout(() => {
  log.push('readable buffered ' + t.readableLength + ', writable buffered ' + t.writableLength);
  t.on('data', (d) => log.push('data ' + d));
  t.on('end', () => { log.push('end'); console.log(log.join('\n')); });
  t.end();
}, 5);
