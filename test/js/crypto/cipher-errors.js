// Cipher errors: unknown ciphers, wrong key and IV sizes, AES-GCM
// authentication failures (wrong tag, wrong AAD, tampered data, no tag),
// bad padding on decryption, invalid tag lengths, states.
const crypto = require('crypto');
function t(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', Buffer.isBuffer(r) ? r.toString('hex') : typeof r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message, e.library === undefined ? '' : `[${e.library}] [${e.reason}]`);
  }
}
const k16 = Buffer.alloc(16, 1), k32 = Buffer.alloc(32, 1), iv12 = Buffer.alloc(12, 2), iv16 = Buffer.alloc(16, 2);
t('unknown cipher', () => crypto.createCipheriv('aes-128-nope', k16, iv16));
t('cipher type', () => crypto.createCipheriv(1, k16, iv16));
t('key 15', () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(15), iv16));
t('key 32 for 128', () => crypto.createCipheriv('aes-128-gcm', k32, iv12));
t('key 0', () => crypto.createCipheriv('aes-256-gcm', Buffer.alloc(0), iv12));
t('chacha key 16', () => crypto.createCipheriv('chacha20-poly1305', k16, iv12));
t('key type', () => crypto.createCipheriv('aes-128-cbc', 5, iv16));
t('iv 12 for cbc', () => crypto.createCipheriv('aes-128-cbc', k16, iv12));
t('iv null for cbc', () => crypto.createCipheriv('aes-128-cbc', k16, null));
t('iv empty for gcm', () => crypto.createCipheriv('aes-128-gcm', k16, Buffer.alloc(0)));
t('iv for ecb', () => crypto.createCipheriv('aes-128-ecb', k16, iv16));
t('iv empty for ecb', () => crypto.createCipheriv('aes-128-ecb', k16, Buffer.alloc(0)) && 'ok');
t('chacha iv 16', () => crypto.createCipheriv('chacha20-poly1305', k32, iv16));
t('iv type', () => crypto.createCipheriv('aes-128-cbc', k16, 5));
t('authTagLength 7', () => crypto.createCipheriv('aes-128-gcm', k16, iv12, { authTagLength: 7 }));
t('authTagLength 17', () => crypto.createCipheriv('aes-128-gcm', k16, iv12, { authTagLength: 17 }));

function gcm(aad) {
  const c = crypto.createCipheriv('aes-256-gcm', k32, iv12);
  if (aad) c.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([c.update('attack at dawn'), c.final()]);
  return { ct, tag: c.getAuthTag() };
}
const { ct, tag } = gcm('header');
function open(ctv, tagv, aad, len) {
  const d = crypto.createDecipheriv('aes-256-gcm', k32, iv12, len ? { authTagLength: len } : undefined);
  if (aad) d.setAAD(Buffer.from(aad));
  if (tagv) d.setAuthTag(tagv);
  const p = d.update(ctv);
  return Buffer.concat([p, d.final()]);
}
t('gcm good', () => open(ct, tag, 'header'));
t('gcm wrong tag', () => { const b = Buffer.from(tag); b[0] ^= 1; return open(ct, b, 'header'); });
t('gcm wrong aad', () => open(ct, tag, 'Header'));
t('gcm missing aad', () => open(ct, tag, null));
t('gcm tampered', () => { const b = Buffer.from(ct); b[5] ^= 0x80; return open(b, tag, 'header'); });
t('gcm no tag', () => open(ct, null, 'header'));
t('gcm truncated tag', () => open(ct, tag.subarray(0, 12), 'header'));
t('gcm tag 3', () => open(ct, tag.subarray(0, 3), 'header'));
t('gcm tag 17', () => open(ct, Buffer.concat([tag, Buffer.alloc(1)]), 'header'));
t('gcm tag len mismatch', () => open(ct, tag, 'header', 12));
const enc = crypto.createCipheriv('aes-128-gcm', k16, iv12);
t('getAuthTag early', () => enc.getAuthTag());
t('setAuthTag on cipher', () => enc.setAuthTag(Buffer.alloc(16)));
enc.update('x');
enc.final();
t('final twice', () => enc.final());
t('update after final', () => enc.update('x'));
t('getAuthTag after', () => enc.getAuthTag().length);
const dec = crypto.createDecipheriv('aes-128-gcm', k16, iv12);
t('getAuthTag on decipher', () => dec.getAuthTag());
dec.setAuthTag(Buffer.alloc(16));
t('setAuthTag twice', () => dec.setAuthTag(Buffer.alloc(16)));
// CBC padding errors
const cbc = crypto.createCipheriv('aes-128-cbc', k16, iv16);
const cct = Buffer.concat([cbc.update('sixteen bytes!!!'), cbc.final()]);
t('cbc wrong key', () => {
  const d = crypto.createDecipheriv('aes-128-cbc', Buffer.alloc(16, 9), iv16);
  d.update(cct);
  return d.final();
});
t('cbc truncated', () => {
  const d = crypto.createDecipheriv('aes-128-cbc', k16, iv16);
  d.update(cct.subarray(0, 20));
  return d.final();
});
t('cbc nopad partial', () => {
  const c = crypto.createCipheriv('aes-128-cbc', k16, iv16);
  c.setAutoPadding(false);
  c.update('abc');
  return c.final();
});
t('update data type', () => crypto.createCipheriv('aes-128-cbc', k16, iv16).update(5));
t('setAAD type', () => crypto.createCipheriv('aes-128-gcm', k16, iv12).setAAD(5));
