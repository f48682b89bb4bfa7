// generatePrime(Sync) and checkPrime(Sync): results are random, so facts
// are printed (bit length, primality as checked by checkPrime itself and by
// trial division); known primes and composites; validation errors.
const crypto = require('crypto');
function t(label, fn) {
  try {
    console.log(label, 'ok', fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
function isPrimeSlow(n) {
  if (n < 2n) return false;
  for (let d = 2n; d * d <= n; d++) if (n % d === 0n) return false;
  return true;
}
const p = crypto.generatePrimeSync(24, { bigint: true });
console.log('bigint', typeof p, p.toString(2).length, isPrimeSlow(p), crypto.checkPrimeSync(p));
const ab = crypto.generatePrimeSync(16);
console.log('arraybuffer', ab instanceof ArrayBuffer, ab.byteLength, isPrimeSlow(BigInt(`0x${Buffer.from(ab).toString('hex')}`)));
const s = crypto.generatePrimeSync(20, { safe: true, bigint: true });
console.log('safe', isPrimeSlow(s), isPrimeSlow((s - 1n) / 2n));
const r = crypto.generatePrimeSync(20, { add: 12n, rem: 11n, bigint: true });
console.log('add/rem', r % 12n, isPrimeSlow(r));
for (const n of [2n, 3n, 13n, 15n, 561n, 7919n, 2n ** 61n - 1n, 2n ** 64n + 1n]) console.log('check', n, crypto.checkPrimeSync(n));
console.log('check buffer', crypto.checkPrimeSync(Buffer.from([0x0d])), crypto.checkPrimeSync(new Uint8Array([0x0f])), crypto.checkPrimeSync(13n, { checks: 10 }));
t('size 0', () => crypto.generatePrimeSync(0));
t('size type', () => crypto.generatePrimeSync('x'));
t('candidate type', () => crypto.checkPrimeSync('x'));
t('candidate negative', () => crypto.checkPrimeSync(-1n));
t('add type', () => crypto.generatePrimeSync(16, { add: 5 }));
t('safe type', () => crypto.generatePrimeSync(16, { safe: 1 }));
t('checks', () => crypto.checkPrimeSync(13n, { checks: -1 }));
t('add too big', () => crypto.generatePrimeSync(3, { add: 10n, rem: 12n }));
crypto.generatePrime(32, { bigint: true }, (err, q) => {
  crypto.checkPrime(q, (err2, ok) => console.log('async', err, err2, ok, typeof q, q.toString(2).length));
});
