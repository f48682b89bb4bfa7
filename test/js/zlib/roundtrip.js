// Every zlib format round-trips through the sync, callback and promisified
// forms; outputs that are deterministic are printed (they equal Node's:
// same zlib settings give the same bytes), others are compared by content.
const zlib = require('zlib');
const util = require('util');
const text = 'Hello, zlib! '.repeat(50) + 'é€😀';
const input = Buffer.from(text);
const pairs = [
  ['deflateSync', 'inflateSync'], ['gzipSync', 'gunzipSync'], ['deflateRawSync', 'inflateRawSync'],
  ['deflateSync', 'unzipSync'], ['gzipSync', 'unzipSync'], ['brotliCompressSync', 'brotliDecompressSync'],
];
for (const [c, d] of pairs) {
  const packed = zlib[c](input);
  console.log(c, d, packed.length, packed.toString('base64').slice(0, 40), zlib[d](packed).toString() === text);
}
for (const level of [0, 1, 6, 9]) {
  console.log('level', level, zlib.deflateSync(input, { level }).length);
}
console.log('strategy', zlib.deflateSync(input, { strategy: zlib.constants.Z_HUFFMAN_ONLY }).length);
console.log('windowBits 9', zlib.deflateSync(input, { windowBits: 9 }).length, zlib.inflateSync(zlib.deflateSync(input, { windowBits: 9 })).length);
console.log('memLevel 1', zlib.gzipSync(input, { memLevel: 1 }).length);
console.log('brotli quality 4', zlib.brotliCompressSync(input, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }).length);
console.log('brotli text mode', zlib.brotliCompressSync(input, { params: { [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: input.length } }).length);
console.log('string input', zlib.gunzipSync(zlib.gzipSync('abc')).toString());
console.log('typed input', zlib.inflateSync(zlib.deflateSync(new Uint16Array([0x6261]))).toString());
console.log('arraybuffer input', zlib.inflateSync(zlib.deflateSync(new Uint8Array([1, 2, 3]).buffer)));
console.log('empty', zlib.gunzipSync(zlib.gzipSync('')).length, zlib.gzipSync('').length, zlib.deflateSync('').toString('hex'));
console.log('dictionary', zlib.inflateSync(zlib.deflateSync('hello hello', { dictionary: Buffer.from('hello') }), { dictionary: Buffer.from('hello') }).toString());
console.log('raw dictionary', zlib.inflateRawSync(zlib.deflateRawSync('hello hello', { dictionary: Buffer.from('hello') }), { dictionary: Buffer.from('hello') }).toString());
console.log('multi-member gzip', zlib.gunzipSync(Buffer.concat([zlib.gzipSync('one '), zlib.gzipSync('two')])).toString());
console.log('info', Object.keys(zlib.gzipSync('x', { info: true })), zlib.gzipSync('x', { info: true }).engine.constructor.name);
const big = Buffer.alloc(1 << 20);
for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
console.log('1 MB', zlib.gunzipSync(zlib.gzipSync(big)).equals(big), zlib.brotliDecompressSync(zlib.brotliCompressSync(big, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } })).equals(big));
console.log('crc32', zlib.crc32('hello'), zlib.crc32(Buffer.from('world'), zlib.crc32('hello ')), zlib.crc32(''), zlib.crc32('x', 0xffffffff));
zlib.gzip(input, (err, gz) => {
  console.log('gzip cb', err, gz.length);
  zlib.gunzip(gz, (err2, back) => {
    console.log('gunzip cb', err2, back.toString() === text);
    zlib.deflate(input, { level: 1 }, (err3, d) => {
      zlib.inflate(d, (err4, back2) => {
        console.log('deflate/inflate cb', err3, err4, back2.toString() === text);
        promisified(); // after the callback chain: the order never depends on thread-pool timing
      });
    });
  });
});
async function promisified() {
  const br = await util.promisify(zlib.brotliCompress)(input);
  const back = await util.promisify(zlib.brotliDecompress)(br);
  console.log('promisified brotli', back.toString() === text);
  const uz = await util.promisify(zlib.unzip)(zlib.gzipSync('unzip me'));
  console.log('promisified unzip', uz.toString());
}
