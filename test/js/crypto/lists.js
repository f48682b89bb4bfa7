// getHashes, getCiphers, getCurves (the names OpenSSL 3.0 offers, in
// Node's order and spelling) and getCipherInfo by name, nid and filters.
const crypto = require('crypto');
console.log(crypto.getHashes().join(' '));
console.log(crypto.getCiphers().join(' '));
console.log(crypto.getCurves().join(' '));
console.log(crypto.getHashes() !== crypto.getHashes(), crypto.getHashes().includes('sha256'));
for (const n of ['aes-128-gcm', 'AES-256-CBC', 'aes128', 'chacha20-poly1305', 'aes-128-ecb', 'des-ede3-cbc', 'id-aes256-GCM', 'rc4']) {
  console.log(n, JSON.stringify(crypto.getCipherInfo(n)));
}
console.log('nid 419', JSON.stringify(crypto.getCipherInfo(419)));
console.log('gcm ivLength 8', JSON.stringify(crypto.getCipherInfo('aes-128-gcm', { ivLength: 8 })));
console.log('cbc ivLength 8', crypto.getCipherInfo('aes-128-cbc', { ivLength: 8 }));
console.log('cbc keyLength 32', crypto.getCipherInfo('aes-128-cbc', { keyLength: 32 }));
console.log('unknown', crypto.getCipherInfo('nope'), crypto.getCipherInfo(999999));
try {
  crypto.getCipherInfo({});
} catch (e) {
  console.log(e.code, e.message);
}
