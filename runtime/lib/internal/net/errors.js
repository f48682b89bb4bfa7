'use strict';
// internal/net/errors — the net and http error codes that internal/errors
// does not define, registered with the same machinery (E).

const { E, codes } = require('internal/errors');

const add = (code, msg, Base) => { if (!codes[code]) E(code, msg, Base); };
add('ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.', Error);
add('ERR_SERVER_NOT_RUNNING', 'Server is not running.', Error);
add('ERR_HTTP_HEADERS_SENT', 'Cannot %s headers after they are sent to the client', Error);
add('ERR_HTTP_INVALID_STATUS_CODE', 'Invalid status code: %s', RangeError);
add('ERR_HTTP_INVALID_HEADER_VALUE', 'Invalid value "%s" for header "%s"', TypeError);
add('ERR_INVALID_HTTP_TOKEN', '%s must be a valid HTTP token ["%s"]', TypeError);
add('ERR_HTTP_TRAILER_INVALID', 'Trailers are invalid with this transfer encoding', Error);
add('ERR_INVALID_PROTOCOL', 'Protocol "%s" not supported. Expected "%s"', TypeError);
add('ERR_UNESCAPED_CHARACTERS', '%s contains unescaped characters', TypeError);
add('ERR_HTTP_SOCKET_ASSIGNED', 'ServerResponse has an already assigned socket', Error);

module.exports = codes;
