'use strict';
// internal/url: the WHATWG URL Standard in JavaScript — URL,
// URLSearchParams, fileURLToPath, pathToFileURL, domainToASCII/Unicode.
//
// parseURL(input, base, record, stateOverride) is the spec's "basic URL
// parser": a state machine over the code points of the input that fills a
// URL record { scheme, username, password, host, port, path, query,
// fragment } (path is an array of segments, or a string for an opaque
// path like "mailto:x").  Setters re-run it from a given state, as the spec
// does.  Hosts go through parseHost(): IPv6 in brackets, IPv4 in its many
// forms (0x7f.1, 2130706433, ...), opaque hosts for non-special schemes,
// and domains mapped to ASCII (lower-cased, NFKC, punycode "xn--" labels).
// The IDNA mapping is an approximation of UTS #46 (lower case + NFKC), which
// agrees with Node (Ada) on ordinary names; see docs/runtime-modules.md.

const {
  codes: {
    ERR_ARG_NOT_ITERABLE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_FILE_URL_HOST,
    ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_THIS,
    ERR_INVALID_TUPLE,
    ERR_INVALID_URL,
    ERR_INVALID_URL_SCHEME,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { customInspectSymbol: kInspect, toUSVString } = require('internal/util');
const punycode = require('punycode');

let inspectModule;
function lazyInspect() {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule;
}

const FAILURE = Symbol('failure');

const specialSchemes = {
  'ftp': 21,
  'file': null,
  'http': 80,
  'https': 443,
  'ws': 80,
  'wss': 443,
};

const specialSchemeSet = new Set(Object.keys(specialSchemes));
let lastScheme = '';
let lastSpecial = false;
function isSpecialScheme(scheme) {
  if (scheme !== lastScheme) {
    lastScheme = scheme;
    lastSpecial = specialSchemeSet.has(scheme);
  }
  return lastSpecial;
}

// ---------------------------------------------------------------------------
// Code point classes and percent-encoding.

const isASCIIDigit = (c) => c >= 0x30 && c <= 0x39;
const isASCIIHexDigit = (c) => isASCIIDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const isASCIIAlpha = (c) => (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A);
const isASCIIAlphanumeric = (c) => isASCIIAlpha(c) || isASCIIDigit(c);

function inSet(chars) {
  const set = new Set([...chars].map((c) => c.codePointAt(0)));
  return (c) => set.has(c);
}

// Percent-encode sets as lookup tables for ASCII; every set contains all
// code points above U+007E.
function encodeSet(parent, extra) {
  const table = new Uint8Array(128);
  if (parent) table.set(parent.table);
  for (const ch of extra) table[ch.charCodeAt(0)] = 1;
  const fn = (c) => c >= 0x80 || table[c] === 1;
  fn.table = table;
  return fn;
}

const isC0Control = (c) => c <= 0x1F;
const isC0ControlPercentEncode = encodeSet(null,
  String.fromCharCode(...Array.from({ length: 0x20 }, (_, i) => i), 0x7F));
const isFragmentPercentEncode = encodeSet(isC0ControlPercentEncode, ' "<>`');
const isQueryPercentEncode = encodeSet(isC0ControlPercentEncode, ' "#<>');
const isSpecialQueryPercentEncode = encodeSet(isQueryPercentEncode, "'");
const isPathPercentEncode = encodeSet(isQueryPercentEncode, '?`{}');
const isUserinfoPercentEncode = encodeSet(isPathPercentEncode, '/:;=@[\\]^|');
const isComponentPercentEncode = encodeSet(isUserinfoPercentEncode, '$%&+,');
const isURLEncodedPercentEncode = encodeSet(isComponentPercentEncode, "!'()~");

const ASCII = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

const forbiddenHost = inSet('\u0000\t\n\r #/:<>?@[\\]^|');
const isForbiddenHostCodePoint = (c) => forbiddenHost(c);
const isForbiddenDomainCodePoint = (c) =>
  isForbiddenHostCodePoint(c) || isC0Control(c) || c === 0x25 || c === 0x7F;

const hex = [];
for (let i = 0; i < 256; i++) hex.push('%' + (i < 16 ? '0' : '') + i.toString(16).toUpperCase());

function utf8Encode(codePoint) {
  if (codePoint < 0x80) return [codePoint];
  if (codePoint < 0x800) return [0xC0 | (codePoint >> 6), 0x80 | (codePoint & 0x3F)];
  if (codePoint < 0x10000) {
    return [0xE0 | (codePoint >> 12), 0x80 | ((codePoint >> 6) & 0x3F), 0x80 | (codePoint & 0x3F)];
  }
  return [0xF0 | (codePoint >> 18), 0x80 | ((codePoint >> 12) & 0x3F),
    0x80 | ((codePoint >> 6) & 0x3F), 0x80 | (codePoint & 0x3F)];
}

// Percent-encode one code point if it is in the set (UTF-8 bytes).
function percentEncodeCodePoint(c, inEncodeSet, spaceAsPlus = false) {
  if (spaceAsPlus && c === 0x20) return '+';
  if (!inEncodeSet(c)) return c < 128 ? ASCII[c] : String.fromCodePoint(c);
  let out = '';
  for (const b of utf8Encode(c)) out += hex[b];
  return out;
}

function percentEncodeString(input, inEncodeSet, spaceAsPlus = false) {
  let out = '';
  for (const ch of toUSVString(input)) {
    out += percentEncodeCodePoint(ch.codePointAt(0), inEncodeSet, spaceAsPlus);
  }
  return out;
}

function utf8EncodeString(str) {
  const bytes = [];
  for (const ch of toUSVString(str)) bytes.push(...utf8Encode(ch.codePointAt(0)));
  return bytes;
}

function percentDecodeBytes(bytes) {
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x25 && i + 2 < bytes.length &&
        isASCIIHexDigit(bytes[i + 1]) && isASCIIHexDigit(bytes[i + 2])) {
      out.push(parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16));
      i += 2;
    } else {
      out.push(b);
    }
  }
  return out;
}

// UTF-8 decode without BOM, replacing invalid sequences with U+FFFD.
function utf8Decode(bytes) {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    let need = 0;
    let cp = 0;
    let lower = 0x80;
    let upper = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
      cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      if (b === 0xE0) lower = 0xA0;
      if (b === 0xED) upper = 0x9F;
      need = 2;
      cp = b & 0xF;
    } else if (b >= 0xF0 && b <= 0xF4) {
      if (b === 0xF0) lower = 0x90;
      if (b === 0xF4) upper = 0x8F;
      need = 3;
      cp = b & 0x7;
    } else {
      out += '\ufffd';
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const c = bytes[j];
      if (c === undefined || c < lower || c > upper) {
        ok = false;
        break;
      }
      lower = 0x80;
      upper = 0xBF;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (!ok) {
      out += '\ufffd';
      i = j;
      continue;
    }
    out += String.fromCodePoint(cp);
    i = j;
  }
  return out;
}

function percentDecodeString(str) {
  return utf8Decode(percentDecodeBytes(utf8EncodeString(str)));
}

// ---------------------------------------------------------------------------
// Hosts.

function parseIPv4Number(input) {
  if (input === '') return FAILURE;
  let R = 10;
  if (input.length >= 2 && input[0] === '0' && (input[1] === 'x' || input[1] === 'X')) {
    input = input.slice(2);
    R = 16;
  } else if (input.length >= 2 && input[0] === '0') {
    input = input.slice(1);
    R = 8;
  }
  if (input === '') return 0;
  const re = R === 10 ? /^[0-9]+$/ : R === 16 ? /^[0-9A-Fa-f]+$/ : /^[0-7]+$/;
  if (!re.test(input)) return FAILURE;
  return parseInt(input, R);
}

function endsInANumber(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '') {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1];
  if (last !== '' && /^[0-9]+$/.test(last)) return true;
  if (parseIPv4Number(last) !== FAILURE) return true;
  return false;
}

function parseIPv4(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return FAILURE;
  const numbers = [];
  for (const part of parts) {
    const n = parseIPv4Number(part);
    if (n === FAILURE) return FAILURE;
    numbers.push(n);
  }
  for (let i = 0; i < numbers.length - 1; i++) {
    if (numbers[i] > 255) return FAILURE;
  }
  if (numbers[numbers.length - 1] >= 256 ** (5 - numbers.length)) return FAILURE;
  let ipv4 = numbers[numbers.length - 1];
  for (let i = 0; i < numbers.length - 1; i++) {
    ipv4 += numbers[i] * 256 ** (3 - i);
  }
  return ipv4;
}

function serializeIPv4(address) {
  const out = [];
  let n = address;
  for (let i = 0; i < 4; i++) {
    out.unshift(String(n % 256));
    n = Math.floor(n / 256);
  }
  return out.join('.');
}

function parseIPv6(input) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress = null;
  let pointer = 0;
  const cps = Array.from(input, (c) => c.codePointAt(0));
  const c = () => cps[pointer];

  if (c() === 0x3A) {
    if (cps[pointer + 1] !== 0x3A) return FAILURE;
    pointer += 2;
    ++pieceIndex;
    compress = pieceIndex;
  }
  while (c() !== undefined) {
    if (pieceIndex === 8) return FAILURE;
    if (c() === 0x3A) {
      if (compress !== null) return FAILURE;
      ++pointer;
      ++pieceIndex;
      compress = pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && c() !== undefined && isASCIIHexDigit(c())) {
      value = value * 0x10 + parseInt(String.fromCodePoint(c()), 16);
      ++pointer;
      ++length;
    }
    if (c() === 0x2E) {
      if (length === 0) return FAILURE;
      pointer -= length;
      if (pieceIndex > 6) return FAILURE;
      let numbersSeen = 0;
      while (c() !== undefined) {
        let ipv4Piece = null;
        if (numbersSeen > 0) {
          if (c() === 0x2E && numbersSeen < 4) {
            ++pointer;
          } else {
            return FAILURE;
          }
        }
        if (c() === undefined || !isASCIIDigit(c())) return FAILURE;
        while (c() !== undefined && isASCIIDigit(c())) {
          const number = c() - 0x30;
          if (ipv4Piece === null) {
            ipv4Piece = number;
          } else if (ipv4Piece === 0) {
            return FAILURE;
          } else {
            ipv4Piece = ipv4Piece * 10 + number;
          }
          if (ipv4Piece > 255) return FAILURE;
          ++pointer;
        }
        address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
        ++numbersSeen;
        if (numbersSeen === 2 || numbersSeen === 4) ++pieceIndex;
      }
      if (numbersSeen !== 4) return FAILURE;
      break;
    } else if (c() === 0x3A) {
      ++pointer;
      if (c() === undefined) return FAILURE;
    } else if (c() !== undefined) {
      return FAILURE;
    }
    address[pieceIndex] = value;
    ++pieceIndex;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const tmp = address[compress + swaps - 1];
      address[compress + swaps - 1] = address[pieceIndex];
      address[pieceIndex] = tmp;
      --pieceIndex;
      --swaps;
    }
  } else if (pieceIndex !== 8) {
    return FAILURE;
  }
  return address;
}

function serializeIPv6(address) {
  // The first longest run of two or more zero pieces is compressed.
  let compress = null;
  let best = 1;
  for (let i = 0; i < 8;) {
    if (address[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > best) {
      best = j - i;
      compress = i;
    }
    i = j;
  }
  let output = '';
  let ignore0 = false;
  for (let pieceIndex = 0; pieceIndex < 8; pieceIndex++) {
    if (ignore0 && address[pieceIndex] === 0) continue;
    ignore0 = false;
    if (compress === pieceIndex) {
      output += pieceIndex === 0 ? '::' : ':';
      ignore0 = true;
      continue;
    }
    output += address[pieceIndex].toString(16);
    if (pieceIndex !== 7) output += ':';
  }
  return output;
}

function parseOpaqueHost(input) {
  for (const ch of input) {
    if (isForbiddenHostCodePoint(ch.codePointAt(0))) return FAILURE;
  }
  return percentEncodeString(input, isC0ControlPercentEncode);
}

// Characters UTS #46 ignores (maps to nothing).
// (the set Node's URL parser ignores; see test/js-builtins/tools/gen-idna-table.js)
const idnaIgnored = /[\u00AD\u034F\u180B-\u180D\u180F\u200B\u2060\u2064\uFE00-\uFE0F\uFEFF\u{1BCA0}-\u{1BCA3}\u{E0100}-\u{E01EF}]/gu;
const idnaSeparators = /[\u3002\uFF0E\uFF61]/g;

// domain to ASCII: UTS #46 mapping (approximated by NFKC + lower case),
// then punycode for labels that are not ASCII.
let idnaDisallowed;
function hasDisallowedCodePoint(str) {
  if (!/[^\x00-\x7F]/.test(str)) return false;
  if (idnaDisallowed === undefined) idnaDisallowed = require('internal/idna_disallowed').isDisallowed;
  for (const ch of str) {
    const cp = ch.codePointAt(0);
    if (cp >= 0x80 && idnaDisallowed(cp)) return true;
  }
  return false;
}

function domainToASCIIInternal(domain, beStrict = false) {
  if (hasDisallowedCodePoint(domain)) return FAILURE;
  let mapped = domain.replace(idnaIgnored, '');
  if (/[^\x00-\x7F]/.test(mapped)) {
    mapped = mapped.normalize('NFKC').replace(idnaSeparators, '.').toLowerCase().normalize('NFC');
    // What the mapping produced must be allowed too ("⅚" gives U+2044).
    if (hasDisallowedCodePoint(mapped)) return FAILURE;
  } else {
    mapped = mapped.toLowerCase();
  }
  const labels = mapped.split('.');
  const out = [];
  for (const label of labels) {
    if (label.startsWith('xn--')) {
      // Must be valid punycode that decodes to a non-ASCII label.
      let decoded;
      try {
        decoded = punycode.decode(label.slice(4));
      } catch {
        return FAILURE;
      }
      if (decoded === '' || !/[^\x00-\x7F]/.test(decoded) || /[\x00-\x1F\x7F-\x9F]/.test(decoded) ||
          /^\p{M}/u.test(decoded) || hasDisallowedCodePoint(decoded) ||
          decoded.normalize('NFC') !== decoded || decoded.toLowerCase() !== decoded) {
        return FAILURE;
      }
      out.push(label);
    } else if (/[^\x00-\x7F]/.test(label)) {
      // UTS #46 validity: a label must not begin with a combining mark.
      if (/^\p{M}/u.test(label)) return FAILURE;
      let enc;
      try {
        enc = 'xn--' + punycode.encode(label);
      } catch {
        return FAILURE;
      }
      out.push(enc);
    } else {
      out.push(label);
    }
  }
  const result = out.join('.');
  if (beStrict && (result.length > 253 || out.some((l) => l.length > 63))) return FAILURE;
  return result;
}

function parseHost(input, isNotSpecial = false) {
  if (input.startsWith('[')) {
    if (!input.endsWith(']')) return FAILURE;
    const address = parseIPv6(input.slice(1, -1));
    if (address === FAILURE) return FAILURE;
    return `[${serializeIPv6(address)}]`;
  }
  if (isNotSpecial) return parseOpaqueHost(input);
  const domain = percentDecodeString(input);
  const asciiDomain = domainToASCIIInternal(domain);
  if (asciiDomain === FAILURE || asciiDomain === '') return FAILURE;
  for (const ch of asciiDomain) {
    if (isForbiddenDomainCodePoint(ch.codePointAt(0))) return FAILURE;
  }
  if (endsInANumber(asciiDomain)) {
    const ipv4 = parseIPv4(asciiDomain);
    if (ipv4 === FAILURE) return FAILURE;
    return serializeIPv4(ipv4);
  }
  return asciiDomain;
}

// ---------------------------------------------------------------------------
// The basic URL parser.

// Parser states.
const SCHEME_START = 1;
const SCHEME = 2;
const NO_SCHEME = 3;
const SPECIAL_RELATIVE_OR_AUTHORITY = 4;
const PATH_OR_AUTHORITY = 5;
const RELATIVE = 6;
const RELATIVE_SLASH = 7;
const SPECIAL_AUTHORITY_SLASHES = 8;
const SPECIAL_AUTHORITY_IGNORE_SLASHES = 9;
const AUTHORITY = 10;
const HOST = 11;
const HOSTNAME = 12;
const PORT = 13;
const FILE = 14;
const FILE_SLASH = 15;
const FILE_HOST = 16;
const PATH_START = 17;
const PATH = 18;
const OPAQUE_PATH = 19;
const QUERY = 20;
const FRAGMENT = 21;

function newRecord() {
  return {
    scheme: '',
    username: '',
    password: '',
    host: null,
    port: null,
    path: [],
    query: null,
    fragment: null,
  };
}

function hasOpaquePath(url) {
  return typeof url.path === 'string';
}

function includesCredentials(url) {
  return url.username !== '' || url.password !== '';
}

function cannotHaveUsernamePasswordPort(url) {
  return url.host === null || url.host === '' || url.scheme === 'file';
}

const isWindowsDriveLetterCPs = (a, b) => a !== undefined && isASCIIAlpha(a) && (b === 0x3A || b === 0x7C);

function isWindowsDriveLetter(s, normalized = false) {
  return s.length === 2 && isASCIIAlpha(s.charCodeAt(0)) &&
    (s[1] === ':' || (!normalized && s[1] === '|'));
}

function startsWithWindowsDriveLetter(cps, pointer) {
  const len = cps.length - pointer;
  if (len < 2) return false;
  if (!isWindowsDriveLetterCPs(cps[pointer], cps[pointer + 1])) return false;
  if (len === 2) return true;
  const c = cps[pointer + 2];
  return c === 0x2F || c === 0x5C || c === 0x3F || c === 0x23;
}

function shortenPath(url) {
  const path = url.path;
  // Like Node (Ada), a first segment that merely starts with "X:" counts
  // as a drive letter here ("file:/u:x/.." keeps "u:x").
  if (url.scheme === 'file' && path.length === 1 && path[0].length >= 2 &&
      isASCIIAlpha(path[0].charCodeAt(0)) && path[0][1] === ':') {
    return;
  }
  path.pop();
}

function isSingleDot(s) {
  return s === '.' || s.toLowerCase() === '%2e';
}

function isDoubleDot(s) {
  s = s.toLowerCase();
  return s === '..' || s === '.%2e' || s === '%2e.' || s === '%2e%2e';
}

// The code points of a string (surrogate pairs joined).
function codePoints(input) {
  const cps = new Array(input.length);
  let n = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < input.length) {
      const d = input.charCodeAt(i + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) {
        cps[n++] = ((c - 0xD800) << 10) + (d - 0xDC00) + 0x10000;
        i++;
        continue;
      }
    }
    cps[n++] = c;
  }
  cps.length = n;
  return cps;
}

function parseURL(input, base = null, url = null, stateOverride = null) {
  if (url === null) {
    url = newRecord();
    // Strip leading and trailing C0 controls and spaces.
    input = input.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  }
  input = input.replace(/[\t\n\r]/g, '');

  let state = stateOverride || SCHEME_START;
  let buffer = '';
  let atSignSeen = false;
  let insideBrackets = false;
  let passwordTokenSeen = false;
  const cps = codePoints(input);
  let pointer = 0;

  for (; ; pointer++) {
    const c = cps[pointer];
    const cStr = c === undefined ? '' : c < 128 ? ASCII[c] : String.fromCodePoint(c);
    const EOF = c === undefined;

    switch (state) {
      case SCHEME_START:
        if (!EOF && isASCIIAlpha(c)) {
          buffer += cStr.toLowerCase();
          state = SCHEME;
        } else if (!stateOverride) {
          state = NO_SCHEME;
          pointer--;
        } else {
          return FAILURE;
        }
        break;

      case SCHEME:
        if (!EOF && (isASCIIAlphanumeric(c) || c === 0x2B || c === 0x2D || c === 0x2E)) {
          buffer += cStr.toLowerCase();
        } else if (c === 0x3A) {
          if (stateOverride) {
            if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer)) return url;
            if ((includesCredentials(url) || url.port !== null) && buffer === 'file') return url;
            if (url.scheme === 'file' && url.host === '') return url;
          }
          url.scheme = buffer;
          if (stateOverride) {
            if (url.port === specialSchemes[url.scheme]) url.port = null;
            return url;
          }
          buffer = '';
          if (url.scheme === 'file') {
            state = FILE;
          } else if (isSpecialScheme(url.scheme) && base !== null && base.scheme === url.scheme) {
            state = SPECIAL_RELATIVE_OR_AUTHORITY;
          } else if (isSpecialScheme(url.scheme)) {
            state = SPECIAL_AUTHORITY_SLASHES;
          } else if (cps[pointer + 1] === 0x2F) {
            state = PATH_OR_AUTHORITY;
            pointer++;
          } else {
            url.path = '';
            state = OPAQUE_PATH;
          }
        } else if (!stateOverride) {
          buffer = '';
          state = NO_SCHEME;
          pointer = -1;
        } else {
          return FAILURE;
        }
        break;

      case NO_SCHEME:
        if (base === null || (hasOpaquePath(base) && c !== 0x23)) {
          return FAILURE;
        } else if (hasOpaquePath(base) && c === 0x23) {
          url.scheme = base.scheme;
          url.path = base.path;
          url.query = base.query;
          url.fragment = '';
          state = FRAGMENT;
        } else if (base.scheme !== 'file') {
          state = RELATIVE;
          pointer--;
        } else {
          state = FILE;
          pointer--;
        }
        break;

      case SPECIAL_RELATIVE_OR_AUTHORITY:
        if (c === 0x2F && cps[pointer + 1] === 0x2F) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer++;
        } else {
          state = RELATIVE;
          pointer--;
        }
        break;

      case PATH_OR_AUTHORITY:
        if (c === 0x2F) {
          state = AUTHORITY;
        } else {
          state = PATH;
          pointer--;
        }
        break;

      case RELATIVE:
        url.scheme = base.scheme;
        if (c === 0x2F) {
          state = RELATIVE_SLASH;
        } else if (isSpecialScheme(url.scheme) && c === 0x5C) {
          state = RELATIVE_SLASH;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 0x3F) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          } else if (!EOF) {
            url.query = null;
            shortenPath(url);
            state = PATH;
            pointer--;
          }
        }
        break;

      case RELATIVE_SLASH:
        if (isSpecialScheme(url.scheme) && (c === 0x2F || c === 0x5C)) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
        } else if (c === 0x2F) {
          state = AUTHORITY;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = PATH;
          pointer--;
        }
        break;

      case SPECIAL_AUTHORITY_SLASHES:
        if (c === 0x2F && cps[pointer + 1] === 0x2F) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer++;
        } else {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer--;
        }
        break;

      case SPECIAL_AUTHORITY_IGNORE_SLASHES:
        if (c !== 0x2F && c !== 0x5C) {
          state = AUTHORITY;
          pointer--;
        }
        break;

      case AUTHORITY:
        if (c === 0x40) {
          if (atSignSeen) buffer = `%40${buffer}`;
          atSignSeen = true;
          for (const ch of buffer) {
            const cp = ch.codePointAt(0);
            if (cp === 0x3A && !passwordTokenSeen) {
              passwordTokenSeen = true;
              continue;
            }
            const encoded = percentEncodeCodePoint(cp, isUserinfoPercentEncode);
            if (passwordTokenSeen) {
              url.password += encoded;
            } else {
              url.username += encoded;
            }
          }
          buffer = '';
        } else if (EOF || c === 0x2F || c === 0x3F || c === 0x23 ||
                   (isSpecialScheme(url.scheme) && c === 0x5C)) {
          if (atSignSeen && buffer === '') return FAILURE;
          pointer -= Array.from(buffer).length + 1;
          buffer = '';
          state = HOST;
        } else {
          buffer += cStr;
        }
        break;

      case HOST:
      case HOSTNAME:
        if (stateOverride && url.scheme === 'file') {
          pointer--;
          state = FILE_HOST;
        } else if (c === 0x3A && !insideBrackets) {
          if (buffer === '') return FAILURE;
          if (stateOverride === HOSTNAME) return FAILURE;
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === FAILURE) return FAILURE;
          url.host = host;
          buffer = '';
          state = PORT;
        } else if (EOF || c === 0x2F || c === 0x3F || c === 0x23 ||
                   (isSpecialScheme(url.scheme) && c === 0x5C)) {
          pointer--;
          if (isSpecialScheme(url.scheme) && buffer === '') return FAILURE;
          if (stateOverride && buffer === '' &&
              (includesCredentials(url) || url.port !== null)) {
            return FAILURE;
          }
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === FAILURE) return FAILURE;
          url.host = host;
          buffer = '';
          state = PATH_START;
          if (stateOverride) return url;
        } else {
          if (c === 0x5B) insideBrackets = true;
          if (c === 0x5D) insideBrackets = false;
          buffer += cStr;
        }
        break;

      case PORT:
        if (!EOF && isASCIIDigit(c)) {
          buffer += cStr;
        } else if (EOF || c === 0x2F || c === 0x3F || c === 0x23 ||
                   (isSpecialScheme(url.scheme) && c === 0x5C) || stateOverride) {
          if (buffer !== '') {
            const port = parseInt(buffer, 10);
            if (port > 65535) return FAILURE;
            url.port = port === specialSchemes[url.scheme] ? null : port;
            buffer = '';
            if (stateOverride) return url;
          }
          if (stateOverride) return url;
          state = PATH_START;
          pointer--;
        } else {
          return FAILURE;
        }
        break;

      case FILE:
        url.scheme = 'file';
        url.host = '';
        if (c === 0x2F || c === 0x5C) {
          state = FILE_SLASH;
        } else if (base !== null && base.scheme === 'file') {
          url.host = base.host;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 0x3F) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          } else if (!EOF) {
            url.query = null;
            if (!startsWithWindowsDriveLetter(cps, pointer)) {
              shortenPath(url);
            } else {
              url.path = [];
            }
            state = PATH;
            pointer--;
          }
        } else {
          state = PATH;
          pointer--;
        }
        break;

      case FILE_SLASH:
        if (c === 0x2F || c === 0x5C) {
          state = FILE_HOST;
        } else {
          if (base !== null && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithWindowsDriveLetter(cps, pointer) &&
                base.path.length > 0 && isWindowsDriveLetter(base.path[0], true)) {
              url.path.push(base.path[0]);
            }
          }
          state = PATH;
          pointer--;
        }
        break;

      case FILE_HOST:
        if (EOF || c === 0x2F || c === 0x5C || c === 0x3F || c === 0x23) {
          pointer--;
          if (!stateOverride && isWindowsDriveLetter(buffer)) {
            state = PATH;
          } else if (buffer === '') {
            url.host = '';
            if (stateOverride) return url;
            state = PATH_START;
          } else {
            let host = parseHost(buffer, false);
            if (host === FAILURE) return FAILURE;
            if (host === 'localhost') host = '';
            url.host = host;
            if (stateOverride) return url;
            buffer = '';
            state = PATH_START;
          }
        } else {
          buffer += cStr;
        }
        break;

      case PATH_START:
        if (isSpecialScheme(url.scheme)) {
          state = PATH;
          if (c !== 0x2F && c !== 0x5C) pointer--;
        } else if (!stateOverride && c === 0x3F) {
          url.query = '';
          state = QUERY;
        } else if (!stateOverride && c === 0x23) {
          url.fragment = '';
          state = FRAGMENT;
        } else if (!EOF) {
          state = PATH;
          if (c !== 0x2F) pointer--;
        } else if (stateOverride && url.host === null) {
          url.path.push('');
        }
        break;

      case PATH:
        if (EOF || c === 0x2F || (isSpecialScheme(url.scheme) && c === 0x5C) ||
            (!stateOverride && (c === 0x3F || c === 0x23))) {
          if (isDoubleDot(buffer)) {
            const hadSegments = url.path.length > 0;
            shortenPath(url);
            // Like Node (Ada): a ".." at the root of a non-special URL
            // leaves the path empty.
            if (c !== 0x2F && !(isSpecialScheme(url.scheme) && c === 0x5C) &&
                (hadSegments || isSpecialScheme(url.scheme))) {
              url.path.push('');
            }
          } else if (isSingleDot(buffer) && c !== 0x2F &&
                     !(isSpecialScheme(url.scheme) && c === 0x5C)) {
            url.path.push('');
          } else if (!isSingleDot(buffer)) {
            if (url.scheme === 'file' && url.path.length === 0 && isWindowsDriveLetter(buffer)) {
              buffer = `${buffer[0]}:`;
            }
            url.path.push(buffer);
          }
          buffer = '';
          if (c === 0x3F) {
            url.query = '';
            state = QUERY;
          }
          if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          }
        } else {
          buffer += percentEncodeCodePoint(c, isPathPercentEncode);
        }
        break;

      case OPAQUE_PATH:
        if (c === 0x3F) {
          url.query = '';
          state = QUERY;
        } else if (c === 0x23) {
          url.fragment = '';
          state = FRAGMENT;
        } else if (!EOF) {
          url.path += percentEncodeCodePoint(c, isC0ControlPercentEncode);
        }
        break;

      case QUERY:
        if ((!stateOverride && c === 0x23) || EOF) {
          const encodeSet = isSpecialScheme(url.scheme) ?
            isSpecialQueryPercentEncode : isQueryPercentEncode;
          url.query += percentEncodeString(buffer, encodeSet);
          buffer = '';
          if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          }
        } else if (!EOF) {
          buffer += cStr;
        }
        break;

      case FRAGMENT:
        if (!EOF) {
          url.fragment += percentEncodeCodePoint(c, isFragmentPercentEncode);
        }
        break;
    }

    // A state that moved the pointer back re-reads the end of input.
    if (pointer >= cps.length) break;
  }
  return url;
}

function serializePath(url) {
  if (hasOpaquePath(url)) return url.path;
  let output = '';
  for (const segment of url.path) output += `/${segment}`;
  return output;
}

function serializeURL(url, excludeFragment = false) {
  let output = `${url.scheme}:`;
  if (url.host !== null) {
    output += '//';
    if (includesCredentials(url)) {
      output += url.username;
      if (url.password !== '') output += `:${url.password}`;
      output += '@';
    }
    output += url.host;
    if (url.port !== null) output += `:${url.port}`;
  }
  if (url.host === null && !hasOpaquePath(url) && url.path.length > 1 && url.path[0] === '') {
    output += '/.';
  }
  output += serializePath(url);
  if (url.query !== null) output += `?${url.query}`;
  if (!excludeFragment && url.fragment !== null) output += `#${url.fragment}`;
  return output;
}

function serializeOrigin(url) {
  switch (url.scheme) {
    case 'blob': {
      if (hasOpaquePath(url)) {
        const inner = parseURL(url.path);
        if (inner !== FAILURE && (inner.scheme === 'http' || inner.scheme === 'https')) {
          return serializeOrigin(inner);
        }
      }
      return 'null';
    }
    case 'ftp':
    case 'http':
    case 'https':
    case 'ws':
    case 'wss':
      return `${url.scheme}://${url.host}${url.port !== null ? `:${url.port}` : ''}`;
    default:
      return 'null';
  }
}

// ---------------------------------------------------------------------------
// application/x-www-form-urlencoded.

function parseUrlencoded(input) {
  const out = [];
  for (const sequence of input.split('&')) {
    if (sequence === '') continue;
    const eq = sequence.indexOf('=');
    let name = eq === -1 ? sequence : sequence.slice(0, eq);
    let value = eq === -1 ? '' : sequence.slice(eq + 1);
    name = percentDecodeString(name.replace(/\+/g, ' '));
    value = percentDecodeString(value.replace(/\+/g, ' '));
    out.push(name, value);
  }
  return out;
}

function serializeUrlencoded(list) {
  let output = '';
  for (let i = 0; i < list.length; i += 2) {
    if (i !== 0) output += '&';
    output += percentEncodeString(list[i], isURLEncodedPercentEncode, true);
    output += '=';
    output += percentEncodeString(list[i + 1], isURLEncodedPercentEncode, true);
  }
  return output;
}

// ---------------------------------------------------------------------------
// URLSearchParams.

const kList = Symbol('query');
const kURL = Symbol('context');

function isURLSearchParams(self) {
  return self !== null && typeof self === 'object' && Array.isArray(self[kList]);
}

function checkThis(self) {
  if (!isURLSearchParams(self)) throw new ERR_INVALID_THIS('URLSearchParams');
}

class URLSearchParams {
  constructor(init = undefined) {
    Object.defineProperty(this, kList, { value: [], writable: true, enumerable: false, configurable: true });
    Object.defineProperty(this, kURL, { value: null, writable: true, enumerable: false, configurable: true });
    if (init === undefined || init === null) {
      // Nothing.
    } else if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && isURLSearchParams(init)) {
        this[kList] = init[kList].slice();
      } else if (method != null) {
        if (typeof method !== 'function') {
          throw new ERR_ARG_NOT_ITERABLE('Query pairs');
        }
        for (const pair of Reflect.apply(method, init, [])) {
          if (pair === null || (typeof pair !== 'object' && typeof pair !== 'function') ||
              typeof pair[Symbol.iterator] !== 'function') {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          const arr = Array.from(pair);
          if (arr.length !== 2) {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          this[kList].push(toUSVString(arr[0]), toUSVString(arr[1]));
        }
      } else {
        // A record: own enumerable string keys.
        for (const key of Reflect.ownKeys(init)) {
          if (typeof key !== 'string') continue;
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          const typedKey = toUSVString(key);
          const typedValue = toUSVString(init[key]);
          // The last value of a repeated key wins.
          let found = false;
          for (let i = 0; i < this[kList].length; i += 2) {
            if (this[kList][i] === typedKey) {
              this[kList][i + 1] = typedValue;
              found = true;
              break;
            }
          }
          if (!found) this[kList].push(typedKey, typedValue);
        }
      }
    } else {
      init = toUSVString(init);
      this[kList] = parseUrlencoded(init[0] === '?' ? init.slice(1) : init);
    }
  }

  get size() {
    checkThis(this);
    return this[kList].length / 2;
  }

  append(name, value) {
    checkThis(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    this[kList].push(toUSVString(name), toUSVString(value));
    update(this);
  }

  delete(name, value = undefined) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kList];
    name = toUSVString(name);
    if (value !== undefined) {
      value = toUSVString(value);
      for (let i = 0; i < list.length;) {
        if (list[i] === name && list[i + 1] === value) list.splice(i, 2);
        else i += 2;
      }
    } else {
      for (let i = 0; i < list.length;) {
        if (list[i] === name) list.splice(i, 2);
        else i += 2;
      }
    }
    update(this);
  }

  get(name) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kList];
    name = toUSVString(name);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) return list[i + 1];
    }
    return null;
  }

  getAll(name) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kList];
    const values = [];
    name = toUSVString(name);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) values.push(list[i + 1]);
    }
    return values;
  }

  has(name, value = undefined) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kList];
    name = toUSVString(name);
    if (value !== undefined) value = toUSVString(value);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    }
    return false;
  }

  set(name, value) {
    checkThis(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    const list = this[kList];
    name = toUSVString(name);
    value = toUSVString(value);
    let found = false;
    for (let i = 0; i < list.length;) {
      if (list[i] === name) {
        if (!found) {
          list[i + 1] = value;
          found = true;
          i += 2;
        } else {
          list.splice(i, 2);
        }
      } else {
        i += 2;
      }
    }
    if (!found) list.push(name, value);
    update(this);
  }

  sort() {
    checkThis(this);
    const list = this[kList];
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1], i]);
    // Stable sort by the UTF-16 code units of the names.
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[2] - b[2]));
    this[kList] = pairs.flatMap((p) => [p[0], p[1]]);
    update(this);
  }

  forEach(callback, thisArg = undefined) {
    checkThis(this);
    if (typeof callback !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    let list = this[kList];
    for (let i = 0; i < list.length; i += 2) {
      const key = list[i];
      const value = list[i + 1];
      Reflect.apply(callback, thisArg, [value, key, this]);
      list = this[kList];
    }
  }

  entries() {
    checkThis(this);
    return createSearchParamsIterator(this, 'key+value');
  }

  keys() {
    checkThis(this);
    return createSearchParamsIterator(this, 'key');
  }

  values() {
    checkThis(this);
    return createSearchParamsIterator(this, 'value');
  }

  toString() {
    checkThis(this);
    return serializeUrlencoded(this[kList]);
  }

  [kInspect](recurseTimes, ctx) {
    checkThis(this);
    if (typeof recurseTimes === 'number' && recurseTimes < 0) {
      return ctx.stylize('[Object]', 'special');
    }
    const { inspect } = lazyInspect();
    const separator = ', ';
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const innerInspect = (v) => inspect(v, innerOpts);
    const list = this[kList];
    const output = [];
    for (let i = 0; i < list.length; i += 2) {
      output.push(`${innerInspect(list[i])} => ${innerInspect(list[i + 1])}`);
    }
    const length = output.reduce(
      (prev, cur) => prev + removeColors(cur).length + separator.length, -separator.length);
    if (length > ctx.breakLength) {
      return `${this.constructor.name} {\n  ${output.join(',\n  ')} }`;
    } else if (output.length) {
      return `${this.constructor.name} { ${output.join(separator)} }`;
    }
    return `${this.constructor.name} {}`;
  }
}

function removeColors(str) {
  return str.replace(/\u001b\[\d\d?m/g, '');
}

Object.defineProperties(URLSearchParams.prototype, {
  [Symbol.iterator]: {
    configurable: true, writable: true, value: URLSearchParams.prototype.entries,
  },
  [Symbol.toStringTag]: { configurable: true, value: 'URLSearchParams' },
  append: { enumerable: true },
  delete: { enumerable: true },
  get: { enumerable: true },
  getAll: { enumerable: true },
  has: { enumerable: true },
  set: { enumerable: true },
  size: { enumerable: true },
  sort: { enumerable: true },
  entries: { enumerable: true },
  forEach: { enumerable: true },
  keys: { enumerable: true },
  values: { enumerable: true },
  toString: { enumerable: true },
});

// The list changed: write it back to the owning URL's query.
function update(params) {
  const url = params[kURL];
  if (!url) return;
  const record = getContext(url);
  const serialized = params.toString();
  record.query = serialized === '' ? null : serialized;
  if (serialized === '') stripTrailingSpacesFromOpaquePath(record);
}

const searchParamsIteratorState = new WeakMap();
const SearchParamsIteratorPrototype = Object.create(
  Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), {
    next: {
      value: function next() {
        const state = searchParamsIteratorState.get(this);
        if (state === undefined) throw new ERR_INVALID_THIS('URLSearchParamsIterator');
        const { target, kind } = state;
        const values = target[kList];
        const len = values.length;
        const index = state.index;
        if (index >= len) return { value: undefined, done: true };
        const name = values[index];
        const value = values[index + 1];
        state.index = index + 2;
        let result;
        if (kind === 'key') result = name;
        else if (kind === 'value') result = value;
        else result = [name, value];
        return { value: result, done: false };
      },
      writable: true,
      configurable: true,
      enumerable: true,
    },
    [kInspect]: {
      value: function inspectIterator(recurseTimes, ctx) {
        const state = searchParamsIteratorState.get(this);
        if (state === undefined) throw new ERR_INVALID_THIS('URLSearchParamsIterator');
        const { inspect } = lazyInspect();
        const innerOpts = { ...ctx };
        if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
        const { target, kind, index } = state;
        const output = [];
        for (let i = index; i < target[kList].length; i += 2) {
          const k = target[kList][i];
          const v = target[kList][i + 1];
          output.push(kind === 'key' ? k : kind === 'value' ? v : [k, v]);
        }
        const breakLn = inspect(output, innerOpts).includes('\n');
        const outputStrs = output.map((p) => inspect(p, innerOpts));
        let outputStr;
        if (breakLn) {
          outputStr = `\n  ${outputStrs.join(',\n  ')}`;
        } else {
          outputStr = ` ${outputStrs.join(', ')}`;
        }
        return `${this[Symbol.toStringTag]} {${outputStr} }`;
      },
      writable: true,
      configurable: true,
    },
    [Symbol.toStringTag]: { value: 'URLSearchParams Iterator', configurable: true },
  });

function createSearchParamsIterator(target, kind) {
  const iterator = Object.create(SearchParamsIteratorPrototype);
  searchParamsIteratorState.set(iterator, { target, kind, index: 0 });
  return iterator;
}

// ---------------------------------------------------------------------------
// URL.

const kContext = Symbol('context');
// Reads a URL's private record (undefined for anything else); set up by
// the URL class.
let getContext;

function isURL(self) {
  return getContext(self) !== undefined;
}

function urlThis(self) {
  if (!isURL(self)) throw new ERR_INVALID_THIS('URL');
  return getContext(self);
}

function stripTrailingSpacesFromOpaquePath(url) {
  if (!hasOpaquePath(url)) return;
  if (url.fragment !== null) return;
  if (url.query !== null) return;
  url.path = url.path.replace(/\u0020+$/, '');
}

// The URL constructor's failure is a plain TypeError with a code (Node
// raises it from C++), unlike the NodeError of the href setter.
function invalidURL(input, base) {
  const err = new TypeError('Invalid URL');
  err.code = 'ERR_INVALID_URL';
  err.input = input;
  if (base !== undefined) err.base = base;
  return err;
}

class URL {
  #context;
  #searchParams = null;

  static {
    getContext = (u) => (u !== null && typeof u === 'object' && #context in u ? u.#context : undefined);
  }

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = toUSVString(input);
    let baseRecord = null;
    if (base !== undefined) {
      base = toUSVString(base);
      baseRecord = parseURL(base);
      if (baseRecord === FAILURE) throw invalidURL(input, base);
    }
    const record = parseURL(input, baseRecord);
    if (record === FAILURE) throw invalidURL(input, base);
    this.#context = record;
  }

  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    url = toUSVString(url);
    let baseRecord = null;
    if (base !== undefined) {
      baseRecord = parseURL(toUSVString(base));
      if (baseRecord === FAILURE) return false;
    }
    return parseURL(url, baseRecord) !== FAILURE;
  }

  [kInspect](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const { inspect } = lazyInspect();
    const ctor = Object.getPrototypeOf(this).constructor || URL;
    const obj = { __proto__: { constructor: URL } };
    obj.href = this.href;
    obj.origin = this.origin;
    obj.protocol = this.protocol;
    obj.username = this.username;
    obj.password = this.password;
    obj.host = this.host;
    obj.hostname = this.hostname;
    obj.port = this.port;
    obj.pathname = this.pathname;
    obj.search = this.search;
    obj.searchParams = this.searchParams;
    obj.hash = this.hash;
    if (opts.showHidden) {
      obj[kContext] = this.#context;
    }
    return `${ctor.name} ${inspect(obj, opts)}`;
  }

  toString() {
    return serializeURL(urlThis(this));
  }

  get href() {
    return serializeURL(urlThis(this));
  }

  set href(value) {
    const record = urlThis(this);
    value = toUSVString(value);
    const parsed = parseURL(value);
    if (parsed === FAILURE) throw new ERR_INVALID_URL(value);
    Object.assign(record, parsed);
    if (this.#searchParams) {
      this.#searchParams[kList] = record.query ? parseUrlencoded(record.query) : [];
    }
  }

  get origin() {
    return serializeOrigin(urlThis(this));
  }

  get protocol() {
    return `${urlThis(this).scheme}:`;
  }

  set protocol(value) {
    const record = urlThis(this);
    parseURL(`${toUSVString(value)}:`, null, record, SCHEME_START);
  }

  get username() {
    return urlThis(this).username;
  }

  set username(value) {
    const record = urlThis(this);
    if (cannotHaveUsernamePasswordPort(record)) return;
    record.username = percentEncodeString(toUSVString(value), isUserinfoPercentEncode);
  }

  get password() {
    return urlThis(this).password;
  }

  set password(value) {
    const record = urlThis(this);
    if (cannotHaveUsernamePasswordPort(record)) return;
    record.password = percentEncodeString(toUSVString(value), isUserinfoPercentEncode);
  }

  get host() {
    const record = urlThis(this);
    if (record.host === null) return '';
    if (record.port === null) return record.host;
    return `${record.host}:${record.port}`;
  }

  set host(value) {
    const record = urlThis(this);
    if (hasOpaquePath(record)) return;
    const copy = { ...record, path: record.path.slice() };
    const result = parseURL(toUSVString(value), null, copy, HOST);
    if (result !== FAILURE) Object.assign(record, copy);
  }

  get hostname() {
    const record = urlThis(this);
    return record.host === null ? '' : record.host;
  }

  set hostname(value) {
    const record = urlThis(this);
    if (hasOpaquePath(record)) return;
    const copy = { ...record, path: record.path.slice() };
    const result = parseURL(toUSVString(value), null, copy, HOSTNAME);
    if (result !== FAILURE) Object.assign(record, copy);
  }

  get port() {
    const record = urlThis(this);
    return record.port === null ? '' : `${record.port}`;
  }

  set port(value) {
    const record = urlThis(this);
    if (cannotHaveUsernamePasswordPort(record)) return;
    value = toUSVString(value);
    if (value === '') {
      record.port = null;
      return;
    }
    const copy = { ...record };
    const result = parseURL(value, null, copy, PORT);
    if (result !== FAILURE) record.port = copy.port;
  }

  get pathname() {
    return serializePath(urlThis(this));
  }

  set pathname(value) {
    const record = urlThis(this);
    if (hasOpaquePath(record)) return;
    record.path = [];
    parseURL(toUSVString(value), null, record, PATH_START);
  }

  get search() {
    const record = urlThis(this);
    if (record.query === null || record.query === '') return '';
    return `?${record.query}`;
  }

  set search(value) {
    const record = urlThis(this);
    value = toUSVString(value);
    if (value === '') {
      record.query = null;
      if (this.#searchParams) this.#searchParams[kList] = [];
      stripTrailingSpacesFromOpaquePath(record);
      return;
    }
    const input = value[0] === '?' ? value.slice(1) : value;
    record.query = '';
    parseURL(input, null, record, QUERY);
    if (this.#searchParams) this.#searchParams[kList] = parseUrlencoded(input);
  }

  get searchParams() {
    const record = urlThis(this);
    if (this.#searchParams == null) {
      const params = new URLSearchParams(record.query || '');
      params[kURL] = this;
      this.#searchParams = params;
    }
    return this.#searchParams;
  }

  get hash() {
    const record = urlThis(this);
    if (record.fragment === null || record.fragment === '') return '';
    return `#${record.fragment}`;
  }

  set hash(value) {
    const record = urlThis(this);
    value = toUSVString(value);
    if (value === '') {
      record.fragment = null;
      stripTrailingSpacesFromOpaquePath(record);
      return;
    }
    const input = value[0] === '#' ? value.slice(1) : value;
    record.fragment = '';
    parseURL(input, null, record, FRAGMENT);
  }

  toJSON() {
    return serializeURL(urlThis(this));
  }
}

Object.defineProperties(URL.prototype, {
  [Symbol.toStringTag]: { configurable: true, value: 'URL' },
  toString: { enumerable: true },
  href: { enumerable: true },
  origin: { enumerable: true },
  protocol: { enumerable: true },
  username: { enumerable: true },
  password: { enumerable: true },
  host: { enumerable: true },
  hostname: { enumerable: true },
  port: { enumerable: true },
  pathname: { enumerable: true },
  search: { enumerable: true },
  searchParams: { enumerable: true },
  hash: { enumerable: true },
  toJSON: { enumerable: true },
});
Object.defineProperty(URL, 'canParse', { enumerable: true });

// ---------------------------------------------------------------------------
// File URLs and domains.

function getPathFromURLPosix(url) {
  if (url.hostname !== '') {
    throw new ERR_INVALID_FILE_URL_HOST(process.platform);
  }
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
      }
    }
  }
  return decodeURIComponent(pathname);
}

function fileURLToPath(path) {
  if (typeof path === 'string') {
    path = new URL(path);
  } else if (!isURL(path)) {
    throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  }
  if (path.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  return getPathFromURLPosix(path);
}

// Characters that must be escaped in a file path before URL parsing.
function encodePathChars(filepath) {
  if (filepath.includes('%')) filepath = filepath.replace(/%/g, '%25');
  if (filepath.includes('\\')) filepath = filepath.replace(/\\/g, '%5C');
  if (filepath.includes('\n')) filepath = filepath.replace(/\n/g, '%0A');
  if (filepath.includes('\r')) filepath = filepath.replace(/\r/g, '%0D');
  if (filepath.includes('\t')) filepath = filepath.replace(/\t/g, '%09');
  return filepath;
}

function pathToFileURL(filepath) {
  if (typeof filepath !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('path', 'string', filepath);
  }
  const path = require('path');
  let resolved = path.posix.resolve(filepath);
  // resolve() drops a trailing slash; keep it.
  if (filepath.charCodeAt(filepath.length - 1) === 0x2F && resolved[resolved.length - 1] !== '/') {
    resolved += '/';
  }
  resolved = encodePathChars(resolved);
  if (resolved.includes('?')) resolved = resolved.replace(/\?/g, '%3F');
  if (resolved.includes('#')) resolved = resolved.replace(/#/g, '%23');
  return new URL(`file://${resolved}`);
}

function toPathIfFileURL(fileURLOrPath) {
  if (!isURL(fileURLOrPath)) return fileURLOrPath;
  return fileURLToPath(fileURLOrPath);
}

function domainToASCII(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  const r = parseHost(`${domain}`, false);
  return r === FAILURE ? '' : r;
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  const r = parseHost(`${domain}`, false);
  if (r === FAILURE) return '';
  return r.split('.').map((label) => {
    if (!label.startsWith('xn--')) return label;
    try {
      return punycode.decode(label.slice(4));
    } catch {
      return label;
    }
  }).join('.');
}

// Options for http.request() from a URL.
function urlToHttpOptions(url) {
  const options = {
    __proto__: null,
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && url.hostname.startsWith('[') ?
      url.hostname.slice(1, -1) :
      url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') {
    options.port = Number(url.port);
  }
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
}

function isURLThis(self) {
  return isURL(self);
}

module.exports = {
  URL,
  URLSearchParams,
  fileURLToPath,
  pathToFileURL,
  toPathIfFileURL,
  domainToASCII,
  domainToUnicode,
  urlToHttpOptions,
  isURL: isURLThis,
  encodeStr: percentEncodeString,
  parseURLRecord: parseURL,
  serializeURLRecord: serializeURL,
  FAILURE,
  kContext,
};
