'use strict';
// querystring: Node's legacy query-string parser and serializer.
//
// parse(str, sep = '&', eq = '=', { maxKeys = 1000, decodeURIComponent })
// returns a null-prototype object; repeated keys collect into arrays, '+'
// decodes to a space, and malformed %-escapes are kept as they are (via
// unescapeBuffer).  stringify(obj, sep, eq, { encodeURIComponent }) encodes
// with escape(), which leaves A-Z a-z 0-9 - . _ ~ ! ' ( ) * unescaped.

const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_URI },
} = require('internal/errors');

// Characters escape() leaves as they are.
const noEscape = new Int8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!'()*") {
  noEscape[c.charCodeAt(0)] = 1;
}

const hexTable = new Array(256);
for (let i = 0; i < 256; ++i) {
  hexTable[i] = '%' + ((i < 16 ? '0' : '') + i.toString(16)).toUpperCase();
}

// Percent-encodes the UTF-8 bytes of str except the characters in table.
function encodeStr(str, table) {
  const len = str.length;
  if (len === 0) return '';
  let out = '';
  let lastPos = 0;
  for (let i = 0; i < len; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      if (table[c] !== 1) {
        if (lastPos < i) out += str.slice(lastPos, i);
        lastPos = i + 1;
        out += hexTable[c];
      }
      continue;
    }
    if (lastPos < i) out += str.slice(lastPos, i);
    if (c < 0x800) {
      lastPos = i + 1;
      out += hexTable[0xC0 | (c >> 6)] + hexTable[0x80 | (c & 0x3F)];
      continue;
    }
    if (c < 0xD800 || c >= 0xE000) {
      lastPos = i + 1;
      out += hexTable[0xE0 | (c >> 12)] +
        hexTable[0x80 | ((c >> 6) & 0x3F)] +
        hexTable[0x80 | (c & 0x3F)];
      continue;
    }
    // A surrogate pair; a lone surrogate cannot be encoded.
    ++i;
    if (i >= len) throw new ERR_INVALID_URI();
    const c2 = str.charCodeAt(i) & 0x3FF;
    lastPos = i + 1;
    c = 0x10000 + (((c & 0x3FF) << 10) | c2);
    out += hexTable[0xF0 | (c >> 18)] +
      hexTable[0x80 | ((c >> 12) & 0x3F)] +
      hexTable[0x80 | ((c >> 6) & 0x3F)] +
      hexTable[0x80 | (c & 0x3F)];
  }
  if (lastPos === 0) return str;
  if (lastPos < len) return out + str.slice(lastPos);
  return out;
}

function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') {
      str = String(str);
    } else {
      str += '';
    }
  }
  return encodeStr(str, noEscape);
}

const unhexTable = new Int8Array(256).fill(-1);
for (let i = 0; i < 10; i++) unhexTable[48 + i] = i;
for (let i = 0; i < 6; i++) {
  unhexTable[65 + i] = 10 + i;
  unhexTable[97 + i] = 10 + i;
}

// Decodes %XX escapes (and '+' when decodeSpaces) into a Buffer; anything
// malformed is copied as is.
function unescapeBuffer(s, decodeSpaces) {
  const out = Buffer.allocUnsafe(s.length);
  let index = 0;
  let outIndex = 0;
  let currentChar;
  let nextChar;
  let hexHigh;
  let hexLow;
  const maxLength = s.length - 2;
  // Flag to know if some hex chars have been decoded
  let hasHex = false;
  while (index < s.length) {
    currentChar = s.charCodeAt(index);
    if (currentChar === 43 /* '+' */ && decodeSpaces) {
      out[outIndex++] = 32; // ' '
      index++;
      continue;
    }
    if (currentChar === 37 /* '%' */ && index < maxLength) {
      currentChar = s.charCodeAt(++index);
      hexHigh = unhexTable[currentChar & 0xff];
      if (currentChar < 256 && hexHigh >= 0) {
        nextChar = s.charCodeAt(++index);
        hexLow = unhexTable[nextChar & 0xff];
        if (nextChar < 256 && hexLow >= 0) {
          hasHex = true;
          currentChar = hexHigh * 16 + hexLow;
        } else {
          out[outIndex++] = 37;
          index--;
        }
      } else {
        out[outIndex++] = 37;
        continue;
      }
    }
    out[outIndex++] = currentChar;
    index++;
  }
  return hasHex ? out.slice(0, outIndex) : out;
}

function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return QueryString.unescapeBuffer(s, decodeSpaces).toString();
  }
}

function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return '' + v;
  if (typeof v === 'bigint') return '' + v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function encodeStringified(v, encode) {
  if (typeof v === 'string') return (v.length ? encode(v) : '');
  if (typeof v === 'number' && Number.isFinite(v)) {
    // 1e21 and up print with a '+' that needs escaping.
    return (Math.abs(v) < 1e21 ? '' + v : encode('' + v));
  }
  if (typeof v === 'bigint') return '' + v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function encodeStringifiedCustom(v, encode) {
  return encode(stringifyPrimitive(v));
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  let encode = QueryString.escape;
  if (options && typeof options.encodeURIComponent === 'function') {
    encode = options.encodeURIComponent;
  }
  const convert = (encode === qsEscape ? encodeStringified : encodeStringifiedCustom);

  if (obj !== null && typeof obj === 'object') {
    const keys = Object.keys(obj);
    let fields = '';
    for (const k of keys) {
      const v = obj[k];
      let ks = convert(k, encode);
      ks += eq;
      if (Array.isArray(v)) {
        if (v.length === 0) continue;
        if (fields) fields += sep;
        for (let j = 0; j < v.length; ++j) {
          if (j) fields += sep;
          fields += ks;
          fields += convert(v[j], encode);
        }
      } else {
        if (fields) fields += sep;
        fields += ks;
        fields += convert(v, encode);
      }
    }
    return fields;
  }
  return '';
}

function addKeyVal(obj, key, value, keyEncoded, valEncoded, decode) {
  if (key.length > 0 && keyEncoded) key = decodeStr(key, decode);
  if (value.length > 0 && valEncoded) value = decodeStr(value, decode);
  if (obj[key] === undefined) {
    obj[key] = value;
  } else {
    const curValue = obj[key];
    // A key seen twice becomes an array of its values.
    if (curValue.pop) {
      curValue[curValue.length] = value;
    } else {
      obj[key] = [curValue, value];
    }
  }
}

function decodeStr(s, decoder) {
  try {
    return decoder(s);
  } catch {
    return QueryString.unescape(s, true);
  }
}

function hasEscape(s) {
  return /%[0-9a-fA-F]{2}/.test(s);
}

function parse(qs, sep, eq, options) {
  const obj = Object.create(null);
  if (typeof qs !== 'string' || qs.length === 0) return obj;

  sep = sep ? String(sep) : '&';
  eq = eq ? String(eq) : '=';

  let pairs = 1000;
  if (options && typeof options.maxKeys === 'number') {
    // maxKeys <= 0 means no limit.
    pairs = options.maxKeys > 0 ? options.maxKeys : 0;
  }
  if (pairs === 0) pairs = Infinity;

  let decode = QueryString.unescape;
  if (options && typeof options.decodeURIComponent === 'function') {
    decode = options.decodeURIComponent;
  }
  const customDecode = (decode !== qsUnescape);

  let count = 0;
  let start = 0;
  while (start <= qs.length && count < pairs) {
    let end = qs.indexOf(sep, start);
    if (end === -1) end = qs.length;
    const chunk = qs.slice(start, end);
    start = end + sep.length;
    if (chunk.length === 0) {
      if (end === qs.length) break;
      continue;
    }
    const eqIdx = chunk.indexOf(eq);
    let key = eqIdx === -1 ? chunk : chunk.slice(0, eqIdx);
    let value = eqIdx === -1 ? '' : chunk.slice(eqIdx + eq.length);
    // '+' is a space; a custom decoder sees it as %20.  With the default
    // decoder only parts holding a valid %XX escape are decoded.
    const plusChar = customDecode ? '%20' : ' ';
    if (key.includes('+')) key = key.replace(/\+/g, plusChar);
    if (value.includes('+')) value = value.replace(/\+/g, plusChar);
    const keyEncoded = customDecode || hasEscape(key);
    const valEncoded = customDecode || hasEscape(value);
    addKeyVal(obj, key, value, keyEncoded, valEncoded, decode);
    count++;
    if (end === qs.length) break;
  }
  return obj;
}

const QueryString = module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
