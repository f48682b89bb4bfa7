// Event order for a matrix of producers (push in _read sync / on the next
// tick / on a timer; end sync or async) and consumers ('data', 'readable'
// loop, pipe into a sync or async Writable, async iterator), with ticks
// numbered so that the exact interleaving is compared.
const { Readable, Writable } = require('stream');
let tick = 0;
const bump = () => { tick++; setImmediate(bump); };

function producer(kind) {
  let n = 0;
  return new Readable({
    highWaterMark: 2,
    objectMode: true,
    read() {
      const go = () => { this.push(n < 3 ? 'v' + n++ : null); };
      if (kind === 'sync') go();
      else if (kind === 'tick') process.nextTick(go);
      else setTimeout(go, 1);
    },
  });
}

const consumers = {
  data(r, log, done) { r.on('data', (d) => log.push('data ' + d)); r.on('end', () => { log.push('end'); }); r.on('close', done); },
  readable(r, log, done) {
    r.on('readable', () => { let d; log.push('readable'); while ((d = r.read()) !== null) log.push('read ' + d); });
    r.on('end', () => log.push('end'));
    r.on('close', done);
  },
  pipeSync(r, log, done) {
    const w = new Writable({ objectMode: true, highWaterMark: 1, write(c, e, cb) { log.push('write ' + c); cb(); } });
    w.on('finish', () => log.push('finish'));
    w.on('close', done);
    r.on('end', () => log.push('end'));
    r.pipe(w);
  },
  pipeAsync(r, log, done) {
    const w = new Writable({ objectMode: true, highWaterMark: 1, write(c, e, cb) { log.push('write ' + c); setImmediate(cb); } });
    w.on('drain', () => log.push('drain'));
    w.on('finish', () => log.push('finish'));
    w.on('close', done);
    r.on('end', () => log.push('end'));
    r.pipe(w);
  },
  async iterator(r, log, done) {
    r.on('end', () => log.push('end'));
    for await (const d of r) log.push('iter ' + d);
    log.push('loop done');
    r.on('close', done);
    if (r.closed) done();
  },
};

(async () => {
  setImmediate(bump);
  for (const kind of ['sync', 'tick', 'timer']) {
    for (const [name, consume] of Object.entries(consumers)) {
      const log = [];
      const r = producer(kind);
      const t0 = tick;
      await new Promise((resolve) => {
        let finished = false;
        consume(r, log, () => { if (!finished) { finished = true; resolve(); } });
      });
      console.log(`${kind}/${name}: ${log.join(', ')}${kind === 'timer' ? '' : ` (${tick - t0} immediates)`}`);
    }
  }
  process.exit(0);
})();
