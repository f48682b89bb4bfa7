'use strict';
// internal/http2/util — headers and settings for http2: header objects to
// the binding's flat lists (with Node's validation and errors) and back,
// settings validation, packing (RFC 9113 section 6.5.1) and defaults.

const { Buffer } = require('buffer');
const codes = require('internal/http2/errors');
const {
  ERR_HTTP2_HEADER_SINGLE_VALUE, ERR_HTTP2_INVALID_PSEUDOHEADER, ERR_INVALID_HTTP_TOKEN,
  ERR_HTTP2_INVALID_CONNECTION_HEADERS, ERR_HTTP2_INVALID_SETTING_VALUE,
  ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH, ERR_INVALID_ARG_TYPE,
} = codes;

const kSensitiveHeaders = Symbol('sensitiveHeaders');

const kValidPseudoHeaders = new Set([':status', ':method', ':authority', ':scheme', ':path', ':protocol']);
const kSingleValueHeaders = new Set([
  ':status', ':method', ':authority', ':scheme', ':path', ':protocol',
  'access-control-allow-credentials', 'access-control-max-age', 'access-control-request-method',
  'age', 'authorization', 'content-encoding', 'content-language', 'content-length',
  'content-location', 'content-md5', 'content-range', 'content-type', 'date', 'dnt', 'etag',
  'expires', 'from', 'host', 'if-match', 'if-modified-since', 'if-none-match', 'if-range',
  'if-unmodified-since', 'last-modified', 'location', 'max-forwards', 'proxy-authorization',
  'range', 'referer', 'retry-after', 'tk', 'upgrade-insecure-requests', 'user-agent',
  'x-content-type-options',
]);
const kConnectionHeaders = new Set([
  'connection', 'upgrade', 'http2-settings', 'transfer-encoding', 'keep-alive', 'proxy-connection',
]);

function assertValidHeaders(key, value) {
  if (key[0] === ':') {
    if (!kValidPseudoHeaders.has(key)) throw new ERR_HTTP2_INVALID_PSEUDOHEADER(key);
    return;
  }
  if (key.includes(' ')) throw new ERR_INVALID_HTTP_TOKEN('Header name', key);
  if (kConnectionHeaders.has(key) || (key === 'te' && value !== 'trailers')) {
    throw new ERR_HTTP2_INVALID_CONNECTION_HEADERS(key);
  }
}

// Header object -> flat [name, value, flags, ...], pseudo-headers first.
function toHeaderList(map, validate) {
  const pseudo = [];
  const rest = [];
  const singles = new Set();
  const neverIndex = new Set();
  const sens = map[kSensitiveHeaders];
  if (Array.isArray(sens)) for (const k of sens) neverIndex.add(String(k).toLowerCase());
  for (const rawKey of Object.keys(map)) {
    let value = map[rawKey];
    if (value === undefined || rawKey === '') continue;
    const key = rawKey.toLowerCase();
    const single = kSingleValueHeaders.has(key);
    let isArray = Array.isArray(value);
    if (isArray) {
      if (value.length === 0) continue;
      if (value.length === 1) { value = String(value[0]); isArray = false; } else if (single) {
        throw new ERR_HTTP2_HEADER_SINGLE_VALUE(key);
      }
    } else {
      value = String(value);
    }
    if (single) {
      if (singles.has(key)) throw new ERR_HTTP2_HEADER_SINGLE_VALUE(key);
      singles.add(key);
    }
    const flags = neverIndex.has(key) ? 1 : 0;
    validate(key, value);
    if (key[0] === ':') {
      pseudo.push(key, value, flags);
      continue;
    }
    if (isArray) {
      for (const v of value) rest.push(key, String(v), flags);
    } else {
      rest.push(key, value, flags);
    }
  }
  return pseudo.concat(rest);
}

// Flat [name, value, flags, ...] from the binding -> headers object.
function toHeaderObject(list) {
  const obj = { __proto__: null };
  const sensitive = [];
  for (let i = 0; i < list.length; i += 3) {
    const name = list[i];
    let value = list[i + 1];
    if (list[i + 2]) sensitive.push(name);
    if (name === ':status') value |= 0;
    const existing = obj[name];
    if (existing === undefined) {
      obj[name] = name === 'set-cookie' ? [value] : value;
    } else if (!kSingleValueHeaders.has(name)) {
      if (name === 'cookie') obj[name] = `${existing}; ${value}`;
      else if (name === 'set-cookie') existing.push(value);
      else obj[name] = `${existing}, ${value}`;
    }
  }
  obj[kSensitiveHeaders] = sensitive;
  return obj;
}

// ---- settings ---------------------------------------------------------------

const kMaxInt = 2 ** 32 - 1;
const kMaxFrameSizeMin = 16384;
const kMaxFrameSizeMax = 2 ** 24 - 1;
const kSettingIds = {
  headerTableSize: 1, enablePush: 2, maxConcurrentStreams: 3, initialWindowSize: 4,
  maxFrameSize: 5, maxHeaderListSize: 6, enableConnectProtocol: 8,
};

function getDefaultSettings() {
  return {
    __proto__: null,
    headerTableSize: 4096,
    enablePush: true,
    initialWindowSize: 65535,
    maxFrameSize: 16384,
    maxConcurrentStreams: 4294967295,
    maxHeaderSize: 65535,
    maxHeaderListSize: 65535,
    enableConnectProtocol: false,
  };
}

function checkRange(settings, name, min, max) {
  const v = settings[name];
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new ERR_HTTP2_INVALID_SETTING_VALUE.RangeError(name, v, min, max);
  }
}

function checkBool(settings, name) {
  const v = settings[name];
  if (v !== undefined && typeof v !== 'boolean') throw new ERR_HTTP2_INVALID_SETTING_VALUE(name, v);
}

function validateSettings(settings) {
  if (settings === null || typeof settings !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('settings', 'Object', settings);
  }
  checkRange(settings, 'headerTableSize', 0, kMaxInt);
  checkRange(settings, 'initialWindowSize', 0, 2 ** 31 - 1);
  checkRange(settings, 'maxFrameSize', kMaxFrameSizeMin, kMaxFrameSizeMax);
  checkRange(settings, 'maxConcurrentStreams', 0, kMaxInt);
  checkRange(settings, 'maxHeaderListSize', 0, kMaxInt);
  checkRange(settings, 'maxHeaderSize', 0, kMaxInt);
  checkBool(settings, 'enablePush');
  checkBool(settings, 'enableConnectProtocol');
}

// Settings object -> flat [id, value, ...] in id order.
function settingsToList(settings) {
  const s = { ...settings };
  if (s.maxHeaderSize !== undefined) {
    if (s.maxHeaderListSize !== undefined && s.maxHeaderListSize !== s.maxHeaderSize) {
      process.emitWarning('settings.maxHeaderSize overwrite settings.maxHeaderListSize');
    }
    s.maxHeaderListSize = s.maxHeaderSize;
  }
  const list = [];
  for (const [name, id] of Object.entries(kSettingIds)) {
    const v = s[name];
    if (v === undefined) continue;
    list.push(id, typeof v === 'boolean' ? (v ? 1 : 0) : v);
  }
  return list;
}

function settingsFromList(list) {
  const m = {};
  for (let i = 0; i < list.length; i += 2) m[list[i]] = list[i + 1];
  return {
    headerTableSize: m[1],
    enablePush: !!m[2],
    initialWindowSize: m[4],
    maxFrameSize: m[5],
    maxConcurrentStreams: m[3],
    maxHeaderListSize: m[6],
    maxHeaderSize: m[6],
    enableConnectProtocol: !!m[8],
  };
}

function getPackedSettings(settings) {
  if (settings === undefined) settings = {};
  validateSettings(settings);
  const list = settingsToList(settings);
  const buf = Buffer.alloc(list.length * 3);
  for (let i = 0, o = 0; i < list.length; i += 2, o += 6) {
    buf.writeUInt16BE(list[i], o);
    buf.writeUInt32BE(list[i + 1], o + 2);
  }
  return buf;
}

function getUnpackedSettings(buf, options = {}) {
  if (!ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray'], buf);
  }
  if (buf.byteLength % 6 !== 0) throw new ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH();
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const settings = {};
  for (let o = 0; o < b.length; o += 6) {
    const id = b.readUInt16BE(o);
    const value = b.readUInt32BE(o + 2);
    switch (id) {
      case 1: settings.headerTableSize = value; break;
      case 2: settings.enablePush = value !== 0; break;
      case 3: settings.maxConcurrentStreams = value; break;
      case 4: settings.initialWindowSize = value; break;
      case 5: settings.maxFrameSize = value; break;
      case 6: settings.maxHeaderListSize = settings.maxHeaderSize = value; break;
      case 8: settings.enableConnectProtocol = value !== 0; break;
      default:
        if (!settings.customSettings) settings.customSettings = {};
        settings.customSettings[id] = value;
        break;
    }
  }
  if (options != null && options.validate) validateSettings(settings);
  return settings;
}

module.exports = {
  kSensitiveHeaders, assertValidHeaders, toHeaderList, toHeaderObject, getDefaultSettings,
  validateSettings, settingsToList, settingsFromList, getPackedSettings, getUnpackedSettings,
};
