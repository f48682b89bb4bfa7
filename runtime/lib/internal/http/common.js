'use strict';
// internal/http/common — what the HTTP server and client share: status
// codes, methods, header validation and how raw headers become
// `message.headers` (lower-cased; set-cookie an array; duplicates joined with
// ", " or dropped as Node does).

const { methods } = internalBinding('http_parser');

function codes() { return require('internal/net/errors'); }

const STATUS_CODES = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
  200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content',
  205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status', 208: 'Already Reported', 226: 'IM Used',
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
  305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout',
  409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large',
  414: 'URI Too Long', 415: 'Unsupported Media Type', 416: 'Range Not Satisfiable', 417: 'Expectation Failed',
  418: "I'm a Teapot", 421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked',
  424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required',
  429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates',
  507: 'Insufficient Storage', 508: 'Loop Detected', 509: 'Bandwidth Limit Exceeded', 510: 'Not Extended',
  511: 'Network Authentication Required',
};

const METHODS = methods.slice().sort();

const tokenRegExp = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
function checkIsHttpToken(val) { return tokenRegExp.test(val); }
const headerCharRegex = /[^\t\x20-\x7e\x80-\xff]/;
function checkInvalidHeaderChar(val) { return headerCharRegex.test(val); }

function validateHeaderName(name, label = 'Header name') {
  if (typeof name !== 'string' || !name || !checkIsHttpToken(name)) {
    throw new (codes().ERR_INVALID_HTTP_TOKEN)(label, name);
  }
}

function validateHeaderValue(name, value) {
  if (value === undefined) throw new (codes().ERR_HTTP_INVALID_HEADER_VALUE)(value, name);
  if (checkInvalidHeaderChar(String(value))) throw new (codes().ERR_INVALID_CHAR)('header content', name);
}

// Node's rules for repeated headers in message.headers.
const dropDuplicates = new Set([
  'content-type', 'content-length', 'user-agent', 'referer', 'host', 'authorization',
  'proxy-authorization', 'if-modified-since', 'if-unmodified-since', 'from', 'location',
  'max-forwards', 'retry-after', 'etag', 'last-modified', 'server', 'age', 'expires',
]);

const hasOwn = Object.prototype.hasOwnProperty;

// dest is an ordinary object: a header named like an inherited property
// ("constructor") still becomes an own property; "__proto__" is dropped,
// as Node's assignment drops it.
function addHeaderLine(dest, field, value) {
  const key = field.toLowerCase();
  const cur = dest[key];
  if (cur === undefined || (typeof cur !== 'string' && !hasOwn.call(dest, key))) {
    if (key !== '__proto__') dest[key] = key === 'set-cookie' ? [value] : value;
    return;
  }
  if (key === 'set-cookie') { cur.push(value); return; }
  if (dropDuplicates.has(key)) return;
  dest[key] = cur + (key === 'cookie' ? '; ' : ', ') + value;
}

function headersFromRaw(raw) {
  const headers = {};
  for (let i = 0; i < raw.length; i += 2) addHeaderLine(headers, raw[i], raw[i + 1]);
  return headers;
}

module.exports = {
  STATUS_CODES, METHODS, checkIsHttpToken, checkInvalidHeaderChar, validateHeaderName,
  validateHeaderValue, headersFromRaw, codes,
};
