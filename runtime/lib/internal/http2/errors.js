'use strict';
// internal/http2/errors — the http2 error codes (Node's codes and messages),
// registered with internal/errors' machinery (E) where not defined already.

const { E, codes } = require('internal/errors');
require('internal/net/errors');

const add = (code, msg, Base, ...more) => { if (!codes[code]) E(code, msg, Base, ...more); };
add('ERR_HTTP2_ERROR', '%s', Error);
add('ERR_HTTP2_STREAM_ERROR', 'Stream closed with error code %s', Error);
add('ERR_HTTP2_SESSION_ERROR', 'Session closed with error code %s', Error);
add('ERR_HTTP2_INVALID_HEADER_VALUE', 'Invalid value "%s" for header "%s"', TypeError);
add('ERR_HTTP2_INVALID_CONNECTION_HEADERS', 'HTTP/1 Connection specific headers are forbidden: "%s"', TypeError);
add('ERR_HTTP2_HEADER_SINGLE_VALUE', 'Header field "%s" must only have a single value', TypeError);
add('ERR_HTTP2_INVALID_PSEUDOHEADER', '"%s" is an invalid pseudoheader or is used incorrectly', TypeError);
add('ERR_HTTP2_INVALID_SESSION', 'The session has been destroyed', Error);
add('ERR_HTTP2_INVALID_STREAM', 'The stream has been destroyed', Error);
add('ERR_HTTP2_GOAWAY_SESSION', 'New streams cannot be created after receiving a GOAWAY', Error);
add('ERR_HTTP2_HEADERS_SENT', 'Response has already been initiated.', Error);
add('ERR_HTTP2_HEADERS_AFTER_RESPOND', 'Cannot specify additional headers after response initiated', Error);
add('ERR_HTTP2_INFO_STATUS_NOT_ALLOWED', 'Informational status codes cannot be used', RangeError);
add('ERR_HTTP2_INVALID_INFO_STATUS', 'Invalid informational status code: %s', RangeError);
add('ERR_HTTP2_STATUS_INVALID', 'Invalid status code: %s', RangeError);
add('ERR_HTTP2_STATUS_101', 'HTTP status code 101 (Switching Protocols) is forbidden in HTTP/2', Error);
add('ERR_HTTP2_PING_LENGTH', 'HTTP2 ping payload must be 8 bytes', RangeError);
add('ERR_HTTP2_PING_CANCEL', 'HTTP2 ping cancelled', Error);
add('ERR_HTTP2_STREAM_CANCEL', (error) => {
  let msg = 'The pending stream has been canceled';
  if (error) msg += ` (caused by: ${error.message})`;
  return msg;
}, Error);
add('ERR_HTTP2_INVALID_SETTING_VALUE', function(name, actual, min = undefined, max = undefined) {
  this.actual = actual;
  if (min !== undefined) { this.min = min; this.max = max; }
  return `Invalid value for setting "${name}": ${actual}`;
}, TypeError, RangeError);
add('ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED', 'Cannot set HTTP/2 pseudo-headers', TypeError);
add('ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH', 'Packed settings length must be a multiple of six', RangeError);
add('ERR_HTTP2_UNSUPPORTED_PROTOCOL', 'protocol "%s" is unsupported.', Error);
add('ERR_HTTP2_TRAILERS_ALREADY_SENT', 'Trailing headers have already been sent', Error);
add('ERR_HTTP2_TRAILERS_NOT_READY', 'Trailing headers cannot be sent until after the wantTrailers event is emitted', Error);
add('ERR_HTTP2_PUSH_DISABLED', 'HTTP/2 client has disabled push streams', Error);
add('ERR_HTTP2_SOCKET_BOUND', 'The socket is already bound to an Http2Session', Error);
add('ERR_HTTP2_SOCKET_UNBOUND', 'The socket has been disconnected from the Http2Session', Error);
add('ERR_HTTP2_NO_SOCKET_MANIPULATION', 'HTTP/2 sockets should not be directly manipulated (e.g. read and written)', Error);
add('ERR_HTTP2_STREAM_SELF_DEPENDENCY', 'A stream cannot depend on itself', Error);
add('ERR_HTTP2_OUT_OF_STREAMS', 'No stream ID is available because maximum stream ID has been reached', Error);
add('ERR_HTTP2_NESTED_PUSH', 'A push stream cannot initiate another push stream.', Error);
add('ERR_HTTP2_SEND_FILE', 'Directories cannot be sent', Error);
add('ERR_HTTP2_INVALID_ORIGIN', 'HTTP/2 ORIGIN frames require a valid origin', TypeError);
add('ERR_HTTP2_CONNECT_AUTHORITY', ':authority header is required for CONNECT requests', Error);
add('ERR_HTTP2_CONNECT_PATH', 'The :path header is forbidden for CONNECT requests', Error);
add('ERR_HTTP2_CONNECT_SCHEME', 'The :scheme header is forbidden for CONNECT requests', Error);
add('ERR_HTTP2_PAYLOAD_FORBIDDEN', 'Responses with %s status must not have a payload', Error);

module.exports = codes;
