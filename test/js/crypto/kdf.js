// PBKDF2 (RFC 6070), scrypt (RFC 7914) and HKDF (RFC 5869) known answers,
// sync and async on the thread pool, and their validation errors.
const crypto = require('crypto');
function t(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', r instanceof ArrayBuffer ? Buffer.from(r).toString('hex') : Buffer.isBuffer(r) ? r.toString('hex') : r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
// RFC 6070
t('pbkdf2 1', () => crypto.pbkdf2Sync('password', 'salt', 1, 20, 'sha1'));
t('pbkdf2 2', () => crypto.pbkdf2Sync('password', 'salt', 2, 20, 'sha1'));
t('pbkdf2 4096', () => crypto.pbkdf2Sync('password', 'salt', 4096, 20, 'sha1'));
t('pbkdf2 long', () => crypto.pbkdf2Sync('passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 25, 'sha1'));
t('pbkdf2 nul', () => crypto.pbkdf2Sync('pass\0word', 'sa\0lt', 4096, 16, 'sha1'));
t('pbkdf2 sha256', () => crypto.pbkdf2Sync('password', 'salt', 1000, 32, 'sha256'));
t('pbkdf2 sha512 buffers', () => crypto.pbkdf2Sync(Buffer.from('password'), new Uint8Array([1, 2, 3]), 10, 64, 'sha512'));
t('pbkdf2 keylen 0', () => crypto.pbkdf2Sync('p', 's', 1, 0, 'sha256'));
t('pbkdf2 digest', () => crypto.pbkdf2Sync('p', 's', 1, 32, 'sha-257'));
t('pbkdf2 no digest', () => crypto.pbkdf2Sync('p', 's', 1, 32));
t('pbkdf2 iterations 0', () => crypto.pbkdf2Sync('p', 's', 0, 32, 'sha1'));
t('pbkdf2 iterations float', () => crypto.pbkdf2Sync('p', 's', 1.5, 32, 'sha1'));
t('pbkdf2 keylen -1', () => crypto.pbkdf2Sync('p', 's', 1, -1, 'sha1'));
t('pbkdf2 password type', () => crypto.pbkdf2Sync(1, 's', 1, 1, 'sha1'));
t('pbkdf2 no callback', () => crypto.pbkdf2('p', 's', 1, 1, 'sha1'));
// RFC 7914 (the cheap vectors)
t('scrypt empty', () => crypto.scryptSync('', '', 64, { N: 16, r: 1, p: 1 }));
t('scrypt password', () => crypto.scryptSync('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 }));
t('scrypt aliases', () => crypto.scryptSync('pw', 'salt', 16, { cost: 1024, blockSize: 8, parallelization: 1 }));
t('scrypt defaults', () => crypto.scryptSync('pw', 'salt', 16));
t('scrypt N 3', () => crypto.scryptSync('pw', 'salt', 16, { N: 3 }));
t('scrypt maxmem', () => crypto.scryptSync('pw', 'salt', 16, { N: 2 ** 20, maxmem: 1024 }));
t('scrypt N and cost', () => crypto.scryptSync('pw', 'salt', 16, { N: 16, cost: 16 }));
t('scrypt keylen', () => crypto.scryptSync('pw', 'salt', -1));
t('scrypt r type', () => crypto.scryptSync('pw', 'salt', 16, { r: 'x' }));
// RFC 5869 test cases 1-3
const hex = (s) => Buffer.from(s, 'hex');
t('hkdf 1', () => crypto.hkdfSync('sha256', hex('0b'.repeat(22)), hex('000102030405060708090a0b0c'), hex('f0f1f2f3f4f5f6f7f8f9'), 42));
t('hkdf 3', () => crypto.hkdfSync('sha256', hex('0b'.repeat(22)), Buffer.alloc(0), Buffer.alloc(0), 42));
t('hkdf sha1', () => crypto.hkdfSync('sha1', 'key', 'salt', 'info', 20));
t('hkdf keyobject', () => crypto.hkdfSync('sha512', crypto.createSecretKey(Buffer.from('k')), 's', 'i', 64));
t('hkdf max', () => crypto.hkdfSync('sha256', 'k', 's', 'i', 255 * 32).byteLength);
t('hkdf too long', () => crypto.hkdfSync('sha256', 'k', 's', 'i', 255 * 32 + 1));
t('hkdf digest', () => crypto.hkdfSync('nope', 'k', 's', 'i', 10));
t('hkdf info long', () => crypto.hkdfSync('sha256', 'k', 's', Buffer.alloc(1025), 10));
t('hkdf length type', () => crypto.hkdfSync('sha256', 'k', 's', 'i', '10'));
t('hkdf key type', () => crypto.hkdfSync('sha256', 5, 's', 'i', 10));
// async forms, in order of completion of a fixed chain
crypto.pbkdf2('password', 'salt', 2, 20, 'sha1', (err, key) => {
  console.log('async pbkdf2', err, key.toString('hex'));
  crypto.scrypt('password', 'NaCl', 32, { N: 1024, r: 8, p: 1 }, (err2, key2) => {
    console.log('async scrypt', err2, key2.toString('hex'));
    crypto.scrypt('pw', 'salt', 8, (err3, key3) => {
      console.log('async scrypt defaults', err3, key3.length);
      crypto.hkdf('sha256', 'key', 'salt', 'info', 16, (err4, ab) => {
        console.log('async hkdf', err4, ab instanceof ArrayBuffer, Buffer.from(ab).toString('hex'));
      });
    });
  });
});
