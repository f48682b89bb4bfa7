// createHash/Hash errors: unknown digest, bad arguments, use after digest(),
// a wrong output length for a fixed-size digest.
const crypto = require('crypto');
function t(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', typeof r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
t('unknown', () => crypto.createHash('sha257'));
t('number', () => crypto.createHash(5));
t('missing', () => crypto.createHash());
t('options', () => crypto.createHash('sha256', 'x'));
t('outputLength type', () => crypto.createHash('shake128', { outputLength: 'x' }));
t('outputLength negative', () => crypto.createHash('shake128', { outputLength: -1 }));
t('fixed length', () => crypto.createHash('sha256', { outputLength: 5 }));
t('same length', () => crypto.createHash('sha256', { outputLength: 32 }).digest('hex').length);
t('update number', () => crypto.createHash('sha256').update(5));
t('update object', () => crypto.createHash('sha256').update({}));
t('update null', () => crypto.createHash('sha256').update(null));
const h = crypto.createHash('sha256');
h.digest();
t('digest twice', () => h.digest());
t('update after', () => h.update('x'));
t('copy after', () => h.copy());
const m = crypto.createHmac('sha256', 'k');
console.log(m.digest('hex'));
console.log(JSON.stringify(m.digest('hex')), m.digest().length);
t('hmac update after', () => m.update('x'));
t('hmac unknown', () => crypto.createHmac('nope', 'k'));
t('hmac no key', () => crypto.createHmac('sha256'));
t('hmac key number', () => crypto.createHmac('sha256', 1));
t('hmac name number', () => crypto.createHmac(1, 'k'));
