// Corrupted, truncated and mismatched input: Node's errors (message, errno,
// code) from the sync, callback and stream forms; bad options.
const zlib = require('zlib');
function t(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', Buffer.isBuffer(r) ? r.toString() : r);
  } catch (e) {
    console.log(label, e.name, JSON.stringify(e.code), e.errno, e.message);
  }
}
const gz = zlib.gzipSync('hello world, hello world, hello world');
const flipped = Buffer.from(gz);
flipped[15] ^= 0xff;
const badCrc = Buffer.from(gz);
badCrc[badCrc.length - 6] ^= 1;
t('not gzip', () => zlib.gunzipSync(Buffer.from('this is not gzip data')));
t('flipped', () => zlib.gunzipSync(flipped));
t('bad crc', () => zlib.gunzipSync(badCrc));
t('truncated header', () => zlib.gunzipSync(gz.subarray(0, 5)));
t('truncated body', () => zlib.gunzipSync(gz.subarray(0, gz.length - 8)));
t('empty', () => zlib.gunzipSync(Buffer.alloc(0)));
t('trailing garbage', () => zlib.gunzipSync(Buffer.concat([gz, Buffer.from('garbage')])));
t('trailing zeros', () => zlib.gunzipSync(Buffer.concat([gz, Buffer.alloc(8)])));
t('gzip as inflate', () => zlib.inflateSync(gz));
t('deflate as gunzip', () => zlib.gunzipSync(zlib.deflateSync('x')));
t('raw garbage', () => zlib.inflateRawSync(Buffer.from([0xff, 0xff, 0xff])));
t('missing dictionary', () => zlib.inflateSync(zlib.deflateSync('abc', { dictionary: Buffer.from('abc') })));
t('bad dictionary', () => zlib.inflateSync(zlib.deflateSync('abc', { dictionary: Buffer.from('abc') }), { dictionary: Buffer.from('xyz') }));
t('brotli garbage', () => zlib.brotliDecompressSync(Buffer.from('definitely not brotli')));
t('brotli truncated', () => zlib.brotliDecompressSync(zlib.brotliCompressSync('hello brotli hello').subarray(0, 4)));
t('finishFlush sync flush', () => zlib.gunzipSync(gz.subarray(0, gz.length - 8), { finishFlush: zlib.constants.Z_SYNC_FLUSH }));
t('maxOutputLength', () => zlib.gunzipSync(gz, { maxOutputLength: 10 }));
t('level 10', () => zlib.gzipSync('x', { level: 10 }));
t('level NaN', () => zlib.gzipSync('x', { level: NaN }).length);
t('level string', () => zlib.gzipSync('x', { level: '1' }));
t('level Infinity', () => zlib.gzipSync('x', { level: Infinity }));
t('windowBits 7', () => zlib.gzipSync('x', { windowBits: 7 }));
t('windowBits 8 gzip', () => zlib.gzipSync('x', { windowBits: 8 }));
t('chunkSize', () => zlib.gzipSync('x', { chunkSize: 10 }));
t('strategy', () => zlib.gzipSync('x', { strategy: 5 }));
t('memLevel', () => zlib.gzipSync('x', { memLevel: 0 }));
t('dictionary type', () => zlib.deflateSync('x', { dictionary: 'abc' }));
t('input type', () => zlib.gzipSync(5));
t('input null', () => zlib.gzipSync(null));
t('brotli param', () => zlib.brotliCompressSync('x', { params: { 99: 1 } }));
t('brotli param value', () => zlib.brotliCompressSync('x', { params: { 1: 'x' } }));
t('no callback', () => zlib.gzip('x'));
zlib.gunzip(flipped, (err, res) => {
  console.log('callback', err.name, err.code, err.errno, err.message, res);
  zlib.inflate(Buffer.from('nope'), (err2) => {
    console.log('callback inflate', err2.code, err2.message);
    const g = zlib.createGunzip();
    g.on('error', (e) => console.log('stream error', e.code, e.errno, e.message, g.destroyed));
    g.on('close', () => console.log('stream close'));
    g.on('end', () => console.log('stream end (not expected)'));
    g.resume();
    g.write(gz.subarray(0, 10));
    g.end(Buffer.from('corrupted tail bytes'));
  });
});
