// Writable: write() return values, callback timing, drain, finish, close.
const { Writable } = require('stream');
const log = [];
const w = new Writable({
  highWaterMark: 3,
  write(chunk, enc, cb) {
    log.push('write ' + chunk + ' ' + enc);
    if (String(chunk) === 'slow') setTimeout(cb, 5);
    else cb();
  },
});
for (const ev of ['drain', 'prefinish', 'finish', 'close', 'pipe', 'unpipe']) w.on(ev, () => log.push(ev));
log.push('ret ' + w.write('a', () => log.push('cb a')));
log.push('ret ' + w.write('slow', () => log.push('cb slow')));
log.push('ret ' + w.write('b', () => log.push('cb b')));
log.push('len ' + w.writableLength + ' needDrain ' + w.writableNeedDrain);
w.once('drain', () => {
  w.end('z', () => log.push('end cb'));
  log.push('ended ' + w.writableEnded + ' finished ' + w.writableFinished);
});
w.on('close', () => {
  log.push('finished ' + w.writableFinished + ' destroyed ' + w.destroyed);
  console.log(log.join('\n'));
});
