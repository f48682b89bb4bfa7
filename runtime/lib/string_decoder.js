'use strict';
// string_decoder: StringDecoder turns a stream of Buffers into strings
// without splitting multi-byte characters across chunks, with the exact
// results of Node 20's (native) decoder.  An incomplete character at the
// end of a chunk is kept in `lastChar` (up to 4 bytes; `lastNeed` more bytes
// wanted, `lastTotal` its full size) until the next write(); end() flushes
// it.  UTF-16 keeps an odd byte or a lead surrogate; base64/base64url keep
// 1-2 bytes so output is only made of whole groups.  Decoding itself is
// Buffer's toString(encoding, start, end).

const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_ENCODING },
} = require('internal/errors');
const { normalizeEncoding: normalize } = require('internal/util');

const kState = Symbol('kState');

function normalizeEncoding(enc) {
  const nenc = normalize(enc);
  if (nenc === undefined) {
    if (Buffer.isEncoding === undefined || !Buffer.isEncoding(enc)) {
      throw new ERR_UNKNOWN_ENCODING(enc);
    }
    return enc;
  }
  return nenc;
}

// Decoder state: up to 4 bytes of an incomplete character (`chars`), how
// many are kept (`buffered`) and how many more it needs (`missing`).
// Complete data is decoded with Buffer's toString(), so invalid UTF-8
// becomes U+FFFD exactly as in a whole-buffer decode.
const kBuffered = 'buffered';
const kMissing = 'missing';

function decode(state, bytes, start, end) {
  return bytes.toString(state.encoding, start, end);
}

function decodeData(state, data) {
  const enc = state.encoding;
  let start = 0;
  let nread = data.length;
  let prepend = '';

  if (state[kMissing] > 0) {
    if (enc === 'utf8') {
      // A byte that is not a continuation ends the incomplete character
      // early; it starts the next one.
      for (let i = 0; i < nread && i < state[kMissing]; ++i) {
        if ((data[i] & 0xC0) !== 0x80) {
          state[kMissing] = 0;
          data.copy(state.chars, state[kBuffered], 0, i);
          state[kBuffered] += i;
          start += i;
          nread -= i;
          break;
        }
      }
    }
    const found = Math.min(nread, state[kMissing]);
    data.copy(state.chars, state[kBuffered], start, start + found);
    start += found;
    nread -= found;
    state[kMissing] -= found;
    state[kBuffered] += found;
    if (state[kMissing] === 0) {
      prepend = decode(state, state.chars, 0, state[kBuffered]);
      state[kBuffered] = 0;
    }
  }

  if (nread === 0) return prepend;

  const end = start + nread;
  if (enc === 'utf8' && (data[end - 1] & 0x80)) {
    // Find where the last character starts and whether it is complete.
    for (let i = end - 1; ; --i) {
      state[kBuffered]++;
      if ((data[i] & 0xC0) === 0x80) {
        if (state[kBuffered] >= 4 || i === start) {
          state[kBuffered] = 0;
          break;
        }
      } else {
        if ((data[i] & 0xE0) === 0xC0) {
          state[kMissing] = 2;
        } else if ((data[i] & 0xF0) === 0xE0) {
          state[kMissing] = 3;
        } else if ((data[i] & 0xF8) === 0xF0) {
          state[kMissing] = 4;
        } else {
          state[kBuffered] = 0;
          break;
        }
        if (state[kBuffered] >= state[kMissing]) {
          state[kMissing] = 0;
          state[kBuffered] = 0;
        }
        state[kMissing] -= state[kBuffered];
        break;
      }
    }
  } else if (enc === 'utf16le') {
    if (nread % 2 === 1) {
      state[kBuffered] = 1;
      state[kMissing] = 1;
    } else if ((data[end - 1] & 0xFC) === 0xD8) {
      // A lead surrogate: wait for its pair.
      state[kBuffered] = 2;
      state[kMissing] = 2;
    }
  } else if (enc === 'base64' || enc === 'base64url') {
    state[kBuffered] = nread % 3;
    if (state[kBuffered] > 0) state[kMissing] = 3 - state[kBuffered];
  }

  let bodyEnd = end;
  if (state[kBuffered] > 0) {
    bodyEnd = end - state[kBuffered];
    data.copy(state.chars, 0, bodyEnd, end);
  }
  const body = bodyEnd > start ? decode(state, data, start, bodyEnd) : '';
  return prepend + body;
}

function flushData(state) {
  if (state.encoding === 'utf16le' && state[kBuffered] % 2 === 1) {
    // A single trailing byte is dropped.
    state[kMissing]--;
    state[kBuffered]--;
  }
  if (state[kBuffered] === 0) return '';
  const ret = decode(state, state.chars, 0, state[kBuffered]);
  state[kMissing] = 0;
  state[kBuffered] = 0;
  return ret;
}

const bufferedEncodings = new Set(['utf8', 'utf16le', 'base64', 'base64url']);

function toBuffer(buf) {
  if (Buffer.isBuffer(buf)) return buf;
  if (!ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
}

function StringDecoder(encoding) {
  this.encoding = normalizeEncoding(encoding);
  Object.defineProperty(this, kState, {
    value: {
      encoding: this.encoding,
      chars: Buffer.alloc(4),
      [kBuffered]: 0,
      [kMissing]: 0,
    },
    enumerable: false,
  });
}

StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  buf = toBuffer(buf);
  const state = this[kState];
  if (!bufferedEncodings.has(state.encoding)) return buf.toString(state.encoding);
  return decodeData(state, buf);
};

StringDecoder.prototype.end = function end(buf) {
  let ret = '';
  if (buf !== undefined) ret = this.write(buf);
  const state = this[kState];
  if (state[kBuffered] > 0) ret += flushData(state);
  return ret;
};

// Legacy: forget any kept bytes, decode buf from offset.
StringDecoder.prototype.text = function text(buf, offset) {
  const state = this[kState];
  state[kMissing] = 0;
  state[kBuffered] = 0;
  return this.write(toBuffer(buf).slice(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    configurable: true,
    enumerable: true,
    get() {
      return this[kState].chars;
    },
  },
  lastNeed: {
    configurable: true,
    enumerable: true,
    get() {
      return this[kState][kMissing];
    },
  },
  lastTotal: {
    configurable: true,
    enumerable: true,
    get() {
      return this[kState][kBuffered] + this[kState][kMissing];
    },
  },
});

module.exports = { StringDecoder };
