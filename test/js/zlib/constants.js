// zlib.constants (from zlib.h and the Brotli headers), zlib.codes, the
// legacy constants on the module, and the exported names.
const zlib = require('zlib');
// ZLIB_VERNUM is the zlib version (Node bundles its own; devrun-js uses the
// system's), so only its type is compared.
console.log(JSON.stringify({ ...zlib.constants, ZLIB_VERNUM: typeof zlib.constants.ZLIB_VERNUM }));
console.log(Object.isFrozen(zlib.constants), zlib.constants.Z_MAX_CHUNK);
console.log(JSON.stringify(zlib.codes));
console.log(zlib.Z_BEST_COMPRESSION, zlib.Z_SYNC_FLUSH, zlib.DEFLATE, Object.keys(zlib).includes('Z_BEST_COMPRESSION'));
console.log(Object.keys(zlib).join(' '));
console.log(typeof zlib.Gzip, new zlib.Gzip() instanceof require('stream').Transform, zlib.createGzip() instanceof zlib.Gzip, zlib.Gzip() instanceof zlib.Gzip);
