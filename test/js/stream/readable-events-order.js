// Event order of a Readable consumed in flowing and paused mode.
const { Readable } = require('stream');
const log = [];
const r = new Readable({
  read() {},
});
for (const ev of ['data', 'end', 'close', 'pause', 'resume']) {
  r.on(ev, (d) => log.push(ev + (d !== undefined ? ':' + d : '')));
}
r.push('a');
r.push('b');
process.nextTick(() => { r.push('c'); r.push(null); });
r.on('close', () => {
  console.log(log.join(' '));
  console.log(r.readableEnded, r.destroyed, r.readable, r.readableFlowing, r.readableDidRead);
  paused();
});

function paused() {
  const out = [];
  const p = new Readable({ read() {} });
  p.on('readable', () => {
    let chunk;
    out.push('readable');
    while ((chunk = p.read()) !== null) out.push('read:' + chunk);
  });
  p.on('end', () => out.push('end'));
  p.on('close', () => { out.push('close'); console.log(out.join(' ')); });
  p.push('x');
  p.push('yz');
  setTimeout(() => { p.push('w'); p.push(null); }, 5);
}
