// AsyncLocalStorage through promise-based timers and the thread-pool
// callbacks of crypto (randomBytes, randomFill, pbkdf2, scrypt, hkdf,
// generateKeyPair) and zlib streams ('data' events).
const { AsyncLocalStorage } = require('async_hooks');
const crypto = require('crypto');
const zlib = require('zlib');
const als = new AsyncLocalStorage();
const results = [];
const done = (label) => results.push(`${label}: ${als.getStore()}`);
let pending = 0;
function track(label, start) {
  pending++;
  als.run(label, () => start(() => {
    done(label);
    if (--pending === 0) {
      console.log(results.sort().join('\n'));
      console.log('outside', als.getStore());
    }
  }));
}
track('timers/promises', async (cb) => { await require('timers/promises').setTimeout(2); cb(); });
track('randomBytes', (cb) => crypto.randomBytes(8, cb));
track('randomFill', (cb) => crypto.randomFill(Buffer.alloc(4), cb));
track('pbkdf2', (cb) => crypto.pbkdf2('p', 's', 1, 8, 'sha256', cb));
track('scrypt', (cb) => crypto.scrypt('p', 's', 8, cb));
track('hkdf', (cb) => crypto.hkdf('sha256', 'k', 's', 'i', 8, cb));
track('generateKeyPair', (cb) => crypto.generateKeyPair('ed25519', cb));
track('gunzip stream data', (cb) => {
  const g = zlib.createGunzip();
  g.once('data', cb);
  g.end(zlib.gzipSync('stream'));
});
