// require('http2') without using the network: exports, constants from
// nghttp2, default/packed/unpacked settings and their validation errors,
// sensitiveHeaders and the compatibility classes.
const http2 = require('http2');
const { constants } = http2;

console.log(Object.keys(http2).join(','));
console.log('constants', Object.keys(constants).length);
for (const k of ['NGHTTP2_SESSION_SERVER', 'NGHTTP2_SESSION_CLIENT', 'NGHTTP2_NO_ERROR',
  'NGHTTP2_PROTOCOL_ERROR', 'NGHTTP2_REFUSED_STREAM', 'NGHTTP2_CANCEL', 'NGHTTP2_ENHANCE_YOUR_CALM',
  'NGHTTP2_STREAM_STATE_CLOSED', 'NGHTTP2_DEFAULT_WEIGHT', 'NGHTTP2_SETTINGS_MAX_FRAME_SIZE',
  'HTTP2_HEADER_STATUS', 'HTTP2_HEADER_PATH', 'HTTP2_HEADER_CONTENT_TYPE', 'HTTP2_METHOD_PATCH',
  'HTTP_STATUS_OK', 'HTTP_STATUS_NOT_FOUND', 'HTTP_STATUS_TEAPOT', 'MAX_MAX_FRAME_SIZE',
  'MIN_MAX_FRAME_SIZE', 'MAX_INITIAL_WINDOW_SIZE', 'DEFAULT_SETTINGS_ENABLE_PUSH']) {
  console.log(k, constants[k]);
}
console.log(http2.getDefaultSettings());
console.log(http2.getPackedSettings().length, http2.getPackedSettings({}).toString('hex'));
const all = { headerTableSize: 1, enablePush: false, maxConcurrentStreams: 3, initialWindowSize: 4,
  maxFrameSize: 16384, maxHeaderListSize: 6, enableConnectProtocol: true };
const packed = http2.getPackedSettings(all);
console.log(packed.toString('hex'));
console.log(http2.getUnpackedSettings(packed));
console.log(http2.getUnpackedSettings(http2.getPackedSettings({ enablePush: true })));

function tryIt(label, fn) {
  try {
    console.log(label, 'ok', fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
tryIt('maxFrameSize 1', () => http2.getPackedSettings({ maxFrameSize: 1 }));
tryIt('maxFrameSize 2^24', () => http2.getPackedSettings({ maxFrameSize: 2 ** 24 }));
tryIt('headerTableSize -1', () => http2.getPackedSettings({ headerTableSize: -1 }));
tryIt('initialWindowSize 2^31', () => http2.getPackedSettings({ initialWindowSize: 2 ** 31 }));
tryIt('enablePush 1', () => http2.getPackedSettings({ enablePush: 1 }));
tryIt('enableConnectProtocol str', () => http2.getPackedSettings({ enableConnectProtocol: 'yes' }));
tryIt('settings null', () => http2.getPackedSettings(null));
tryIt('unpack 5 bytes', () => http2.getUnpackedSettings(Buffer.alloc(5)));
tryIt('unpack string', () => http2.getUnpackedSettings('abcdef'));
tryIt('unpack validate', () => http2.getUnpackedSettings(Buffer.from('000500000001', 'hex'), { validate: true }));
tryIt('unpack unknown id', () => http2.getUnpackedSettings(Buffer.from('00ff00000001', 'hex')));
tryIt('connect ftp', () => http2.connect('ftp://localhost:1'));

console.log(typeof http2.sensitiveHeaders, String(http2.sensitiveHeaders));
console.log(typeof http2.Http2ServerRequest, typeof http2.Http2ServerResponse);
console.log(http2.Http2ServerRequest.name, http2.Http2ServerResponse.name);
const srv = http2.createServer();
const net = require('net');
const tls = require('tls');
console.log('server', srv instanceof net.Server, srv.constructor.name, typeof srv.listen);
const ssrv = http2.createSecureServer({});
console.log('secure server', ssrv instanceof tls.Server, ssrv.constructor.name);
console.log(require('node:http2') === http2);
