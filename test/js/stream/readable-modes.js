// Mixing 'readable' and 'data': 'readable' takes precedence (no flowing);
// removing the 'readable' listener lets 'data' flow; resume() with a
// 'readable' listener does not flow; pause()/isPaused(); readableFlowing
// through the states; 'end' only once data has been consumed.
const { Readable } = require('stream');
const log = [];
const r = new Readable({ read() {} });
r.push('a');
r.push('b');
function onReadable() { log.push('readable len=' + r.readableLength); }
r.on('readable', onReadable);
r.on('data', (d) => log.push('data ' + d));
log.push('flowing ' + r.readableFlowing);
setImmediate(() => {
  r.resume();
  log.push('after resume flowing ' + r.readableFlowing);
  setImmediate(() => {
    r.removeListener('readable', onReadable);
    setImmediate(() => {
      log.push('after remove flowing ' + r.readableFlowing);
      r.pause();
      log.push('paused ' + r.isPaused() + ' ' + r.readableFlowing);
      r.push('c');
      setImmediate(() => {
        log.push('buffered while paused ' + r.readableLength);
        r.resume();
        r.push(null);
        r.on('end', () => { log.push('end'); console.log(log.join('\n')); noConsumer(); });
      });
    });
  });
});

function noConsumer() {
  const q = new Readable({ read() {} });
  let ended = false;
  q.on('end', () => { ended = true; });
  q.push('x');
  q.push(null);
  setTimeout(() => {
    console.log('end without consumer', ended, q.readableEnded, q.readableLength);
    q.read();
    setImmediate(() => console.log('end after read', ended));
  }, 5);
}
