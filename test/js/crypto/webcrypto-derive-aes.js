// crypto.subtle: deriveBits with HKDF and PBKDF2 (RFC 5869 / RFC 6070
// vectors), AES-CBC and AES-CTR (NIST SP 800-38A), and their errors.
const { subtle } = require('crypto').webcrypto;
const hex = (ab) => Buffer.from(ab).toString('hex');
const h = (s) => Buffer.from(s, 'hex');
async function t(label, fn) {
  try {
    console.log(label, 'ok', await fn());
  } catch (e) {
    console.log(label, e.name, e.message);
  }
}
(async () => {
  const ikm = await subtle.importKey('raw', h('0b'.repeat(22)), 'HKDF', false, ['deriveBits']);
  console.log('hkdf key', ikm.type, ikm.extractable, JSON.stringify(ikm.algorithm), ikm.usages);
  console.log('hkdf', hex(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: h('000102030405060708090a0b0c'), info: h('f0f1f2f3f4f5f6f7f8f9') }, ikm, 336)));
  const pw = await subtle.importKey('raw', Buffer.from('password'), { name: 'PBKDF2' }, false, ['deriveBits']);
  console.log('pbkdf2', hex(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-1', salt: Buffer.from('salt'), iterations: 4096 }, pw, 160)));
  const key = h('2b7e151628aed2a6abf7158809cf4f3c');
  const pt = h('6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51');
  const cbc = await subtle.importKey('raw', key, 'AES-CBC', true, ['encrypt', 'decrypt']);
  const cct = await subtle.encrypt({ name: 'AES-CBC', iv: h('000102030405060708090a0b0c0d0e0f') }, cbc, pt);
  console.log('cbc', cct.byteLength, hex(cct));
  console.log('cbc back', hex(await subtle.decrypt({ name: 'AES-CBC', iv: h('000102030405060708090a0b0c0d0e0f') }, cbc, cct)) === hex(pt));
  console.log('cbc jwk', JSON.stringify(await subtle.exportKey('jwk', cbc)));
  const ctr = await subtle.importKey('raw', key, { name: 'AES-CTR' }, false, ['encrypt']);
  console.log('ctr', hex(await subtle.encrypt({ name: 'AES-CTR', counter: h('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'), length: 64 }, ctr, pt)));
  const gen = await subtle.generateKey({ name: 'AES-CTR', length: 192 }, true, ['encrypt', 'decrypt']);
  console.log('generated', JSON.stringify(gen.algorithm), (await subtle.exportKey('raw', gen)).byteLength);
  await t('cbc bad padding', () => subtle.decrypt({ name: 'AES-CBC', iv: Buffer.alloc(16) }, cbc, Buffer.alloc(16)));
  await t('cbc iv length', () => subtle.encrypt({ name: 'AES-CBC', iv: Buffer.alloc(12) }, cbc, pt));
  await t('hkdf extractable', () => subtle.importKey('raw', Buffer.alloc(4), 'HKDF', true, ['deriveBits']));
  await t('pbkdf2 usage', () => subtle.importKey('raw', Buffer.alloc(4), 'PBKDF2', false, ['sign']));
  await t('derive length', () => subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: Buffer.alloc(0), info: Buffer.alloc(0) }, ikm, 7));
  await t('derive usage', () => subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: Buffer.alloc(1), iterations: 1 }, cbc, 8));
})();
