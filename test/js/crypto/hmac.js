// createHmac: RFC 4231 test cases (HMAC-SHA-224/256/384/512), empty and long
// keys, keys as string/Buffer/TypedArray/ArrayBuffer/KeyObject, encodings.
const crypto = require('crypto');
const cases = [
  [Buffer.alloc(20, 0x0b), Buffer.from('Hi There')],
  [Buffer.from('Jefe'), Buffer.from('what do ya want for nothing?')],
  [Buffer.alloc(20, 0xaa), Buffer.alloc(50, 0xdd)],
  [Buffer.alloc(131, 0xaa), Buffer.from('Test Using Larger Than Block-Size Key - Hash Key First')],
];
for (const [key, data] of cases) {
  for (const alg of ['sha224', 'sha256', 'sha384', 'sha512']) {
    console.log(alg, crypto.createHmac(alg, key).update(data).digest('hex'));
  }
}
console.log('empty key', crypto.createHmac('sha256', '').update('data').digest('hex'));
console.log('md5', crypto.createHmac('md5', 'key').update('The quick brown fox jumps over the lazy dog').digest('hex'));
console.log('sha1', crypto.createHmac('sha1', 'key').update('The quick brown fox jumps over the lazy dog').digest('base64'));
console.log('sha3', crypto.createHmac('sha3-256', 'key').update('x').digest('hex'));
const k = 'secret';
const forms = [k, Buffer.from(k), new Uint8Array(Buffer.from(k)), new Uint8Array(Buffer.from(k)).buffer,
  crypto.createSecretKey(Buffer.from(k))];
console.log(forms.map((f) => crypto.createHmac('sha256', f).update('m').digest('hex')).every((d, i, a) => d === a[0]));
console.log(crypto.createHmac('sha256', '736563726574', { encoding: 'hex' }).update('m').digest('hex') ===
  crypto.createHmac('sha256', k).update('m').digest('hex'));
console.log(crypto.createHmac('sha256', k).update('6d', 'hex').digest('hex') ===
  crypto.createHmac('sha256', k).update('m').digest('hex'));
