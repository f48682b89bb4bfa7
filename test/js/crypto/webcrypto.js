// crypto.webcrypto / crypto.subtle: digest, HMAC, AES-GCM (including an
// authentication failure), ECDSA and Ed25519 with import/export, and the
// DOMException names of the failures.
const crypto = require('crypto');
const { subtle } = crypto.webcrypto;
const hex = (ab) => Buffer.from(ab).toString('hex');
async function t(label, fn) {
  try {
    const r = await fn();
    console.log(label, 'ok', r);
  } catch (e) {
    console.log(label, e.name, e.code === undefined ? '' : e.code, e.message);
  }
}
(async () => {
  console.log(typeof crypto.webcrypto.getRandomValues, crypto.subtle === subtle,
    Object.prototype.toString.call(subtle), Object.prototype.toString.call(crypto.webcrypto));
  for (const alg of ['SHA-1', 'SHA-256', 'sha-384', { name: 'SHA-512' }]) {
    console.log('digest', JSON.stringify(alg), hex(await subtle.digest(alg, new TextEncoder().encode('abc'))));
  }
  // HMAC
  const raw = Buffer.from('key');
  const hk = await subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign', 'verify']);
  console.log('hmac key', hk.type, hk.extractable, JSON.stringify(hk.algorithm), hk.usages);
  const mac = await subtle.sign('HMAC', hk, Buffer.from('data'));
  console.log('hmac', hex(mac), hex(mac) === crypto.createHmac('sha256', 'key').update('data').digest('hex'));
  console.log('hmac verify', await subtle.verify('HMAC', hk, mac, Buffer.from('data')),
    await subtle.verify('HMAC', hk, mac, Buffer.from('date')));
  console.log('hmac export', hex(await subtle.exportKey('raw', hk)), JSON.stringify(await subtle.exportKey('jwk', hk)));
  const gk = await subtle.generateKey({ name: 'HMAC', hash: 'SHA-512' }, false, ['sign']);
  console.log('hmac generated', JSON.stringify(gk.algorithm), gk.extractable);
  // AES-GCM
  const ak = await subtle.importKey('raw', Buffer.alloc(16, 1), 'AES-GCM', true, ['encrypt', 'decrypt']);
  const iv = Buffer.alloc(12, 2);
  const ct = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: Buffer.from('hdr') }, ak, Buffer.from('secret message'));
  console.log('aes-gcm', hex(ct));
  const pt = await subtle.decrypt({ name: 'AES-GCM', iv, additionalData: Buffer.from('hdr') }, ak, ct);
  console.log('aes-gcm back', Buffer.from(pt).toString());
  const bad = new Uint8Array(ct);
  bad[0] ^= 1;
  await t('aes-gcm tampered', () => subtle.decrypt({ name: 'AES-GCM', iv, additionalData: Buffer.from('hdr') }, ak, bad));
  const ct96 = await subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 96 }, ak, Buffer.from('x'));
  console.log('tag 96', ct96.byteLength);
  const gak = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  console.log('aes generated', JSON.stringify(gak.algorithm), (await subtle.exportKey('raw', gak)).byteLength);
  // ECDSA
  const ecPair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  console.log('ecdsa keys', ecPair.publicKey.type, ecPair.privateKey.type, JSON.stringify(ecPair.publicKey.algorithm),
    ecPair.publicKey.usages, ecPair.privateKey.usages, ecPair.publicKey.extractable);
  const esig = await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, ecPair.privateKey, Buffer.from('m'));
  console.log('ecdsa sig length', esig.byteLength,
    await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, ecPair.publicKey, esig, Buffer.from('m')),
    await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, ecPair.publicKey, esig, Buffer.from('n')));
  const spki = await subtle.exportKey('spki', ecPair.publicKey);
  const rawPub = await subtle.exportKey('raw', ecPair.publicKey);
  console.log('ecdsa export', spki.byteLength, rawPub.byteLength, new Uint8Array(rawPub)[0]);
  const imp = await subtle.importKey('raw', rawPub, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
  console.log('ecdsa import raw', await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, imp, esig, Buffer.from('m')));
  const jwk = await subtle.exportKey('jwk', ecPair.publicKey);
  console.log('ecdsa jwk', jwk.kty, jwk.crv, jwk.ext, jwk.key_ops);
  // node:crypto verifies the WebCrypto (IEEE P1363) signature
  const ko = crypto.KeyObject.from(ecPair.publicKey);
  console.log('KeyObject.from', ko.type, crypto.verify('sha256', Buffer.from('m'), { key: ko, dsaEncoding: 'ieee-p1363' }, Buffer.from(esig)));
  // Ed25519
  const edPair = await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  const edSig = await subtle.sign('Ed25519', edPair.privateKey, Buffer.from('m'));
  console.log('ed25519', edSig.byteLength, await subtle.verify('Ed25519', edPair.publicKey, edSig, Buffer.from('m')));
  const edRaw = await subtle.exportKey('raw', edPair.publicKey);
  const edImp = await subtle.importKey('raw', edRaw, 'Ed25519', false, ['verify']);
  console.log('ed25519 raw import', edRaw.byteLength, await subtle.verify('Ed25519', edImp, edSig, Buffer.from('m')));
  const pk8 = await subtle.exportKey('pkcs8', edPair.privateKey);
  const edPriv = await subtle.importKey('pkcs8', pk8, { name: 'Ed25519' }, false, ['sign']);
  console.log('ed25519 pkcs8', pk8.byteLength, hex(await subtle.sign('Ed25519', edPriv, Buffer.from('m'))) === hex(edSig));
  // failures
  await t('unknown algorithm', () => subtle.digest('SHA-3', Buffer.from('x')));
  await t('not extractable', () => subtle.exportKey('raw', gk));
  await t('wrong usage', () => subtle.sign('HMAC', ak, Buffer.from('x')));
  await t('bad usage', () => subtle.importKey('raw', Buffer.alloc(16), 'AES-GCM', true, ['sign']));
  await t('aes bad length', () => subtle.importKey('raw', Buffer.alloc(15), 'AES-GCM', true, ['encrypt']));
  await t('generate bad length', () => subtle.generateKey({ name: 'AES-GCM', length: 100 }, true, ['encrypt']));
  await t('digest data', () => subtle.digest('SHA-256', 'abc'));
  await t('raw private', () => subtle.exportKey('raw', ecPair.privateKey));
  await t('subtle this', () => subtle.digest.call({}, 'SHA-256', Buffer.alloc(1)));
  await t('getRandomValues this', () => crypto.webcrypto.getRandomValues.call({}, new Uint8Array(2)));
})();
