'use strict';
// string_decoder: StringDecoder turns a stream of Buffers into strings
// without splitting multi-byte characters across chunks.  An incomplete
// character at the end of a chunk is kept in `lastChar` (up to 4 bytes;
// `lastNeed` more bytes wanted, `lastTotal` its full size) until the next
// write(); end() flushes it (U+FFFD for a truncated UTF-8 sequence).
// base64/base64url keep 1-2 bytes so output is only made of whole groups.
// Decoding itself is Buffer's toString(encoding, start, end).

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

// Bytes a UTF-8 lead byte announces (0 for ASCII), -1 for a continuation
// byte, -2 for an invalid byte.
function utf8CheckByte(byte) {
  if (byte <= 0x7F) return 0;
  if (byte >> 5 === 0x06) return 2;
  if (byte >> 4 === 0x0E) return 3;
  if (byte >> 3 === 0x1E) return 4;
  return byte >> 6 === 0x02 ? -1 : -2;
}

// Looks at the last 1-3 bytes of buf (from index i on) for an incomplete
// character; sets state.lastNeed and returns its total size (0 if none).
function utf8CheckIncomplete(state, buf, i) {
  let j = buf.length - 1;
  if (j < i) return 0;
  let nb = utf8CheckByte(buf[j]);
  if (nb >= 0) {
    if (nb > 0) state.lastNeed = nb - 1;
    return nb;
  }
  if (--j < i || nb === -2) return 0;
  nb = utf8CheckByte(buf[j]);
  if (nb >= 0) {
    if (nb > 0) state.lastNeed = nb - 2;
    return nb;
  }
  if (--j < i || nb === -2) return 0;
  nb = utf8CheckByte(buf[j]);
  if (nb >= 0) {
    if (nb > 0) {
      if (nb === 2) nb = 0;
      else state.lastNeed = nb - 3;
    }
    return nb;
  }
  return 0;
}

// The kept lead bytes are followed by something that is not a continuation
// byte: emit U+FFFD and continue with these bytes.
function utf8CheckExtraBytes(state, buf) {
  if ((buf[0] & 0xC0) !== 0x80) {
    state.lastNeed = 0;
    return '\ufffd';
  }
  if (state.lastNeed > 1 && buf.length > 1) {
    if ((buf[1] & 0xC0) !== 0x80) {
      state.lastNeed = 1;
      return '\ufffd';
    }
    if (state.lastNeed > 2 && buf.length > 2) {
      if ((buf[2] & 0xC0) !== 0x80) {
        state.lastNeed = 2;
        return '\ufffd';
      }
    }
  }
  return undefined;
}

const handlers = {
  utf8: {
    fillLast(state, buf) {
      const p = state.lastTotal - state.lastNeed;
      const r = utf8CheckExtraBytes(state, buf);
      if (r !== undefined) return r;
      if (state.lastNeed <= buf.length) {
        buf.copy(state.lastChar, p, 0, state.lastNeed);
        return state.lastChar.toString('utf8', 0, state.lastTotal);
      }
      buf.copy(state.lastChar, p, 0, buf.length);
      state.lastNeed -= buf.length;
      return undefined;
    },
    text(state, buf, i) {
      const total = utf8CheckIncomplete(state, buf, i);
      if (!state.lastNeed) return buf.toString('utf8', i);
      state.lastTotal = total;
      const end = buf.length - (total - state.lastNeed);
      buf.copy(state.lastChar, 0, end);
      return buf.toString('utf8', i, end);
    },
    flush(state) {
      return state.lastNeed ? '\ufffd' : '';
    },
  },
  utf16le: {
    fillLast: fillLastDefault,
    text(state, buf, i) {
      if ((buf.length - i) % 2 === 0) {
        const r = buf.toString('utf16le', i);
        if (r) {
          const c = r.charCodeAt(r.length - 1);
          if (c >= 0xD800 && c <= 0xDBFF) {
            // A lead surrogate: wait for its pair.
            state.lastNeed = 2;
            state.lastTotal = 4;
            state.lastChar[0] = buf[buf.length - 2];
            state.lastChar[1] = buf[buf.length - 1];
            return r.slice(0, -1);
          }
        }
        return r;
      }
      state.lastNeed = 1;
      state.lastTotal = 2;
      state.lastChar[0] = buf[buf.length - 1];
      return buf.toString('utf16le', i, buf.length - 1);
    },
    flush(state) {
      if (!state.lastNeed) return '';
      const end = state.lastTotal - state.lastNeed;
      return state.lastChar.toString('utf16le', 0, end);
    },
  },
  base64: base64Handler('base64'),
  base64url: base64Handler('base64url'),
};

function fillLastDefault(state, buf) {
  if (state.lastNeed <= buf.length) {
    buf.copy(state.lastChar, state.lastTotal - state.lastNeed, 0, state.lastNeed);
    return state.lastChar.toString(state.encoding, 0, state.lastTotal);
  }
  buf.copy(state.lastChar, state.lastTotal - state.lastNeed, 0, buf.length);
  state.lastNeed -= buf.length;
  return undefined;
}

function base64Handler(encoding) {
  return {
    fillLast: fillLastDefault,
    text(state, buf, i) {
      const n = (buf.length - i) % 3;
      if (n === 0) return buf.toString(encoding, i);
      state.lastNeed = 3 - n;
      state.lastTotal = 3;
      if (n === 1) {
        state.lastChar[0] = buf[buf.length - 1];
      } else {
        state.lastChar[0] = buf[buf.length - 2];
        state.lastChar[1] = buf[buf.length - 1];
      }
      return buf.toString(encoding, i, buf.length - n);
    },
    flush(state) {
      if (!state.lastNeed) return '';
      return state.lastChar.toString(encoding, 0, 3 - state.lastNeed);
    },
  };
}

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
      lastChar: Buffer.alloc(4),
      lastNeed: 0,
      lastTotal: 0,
    },
    enumerable: false,
  });
}

StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  buf = toBuffer(buf);
  const state = this[kState];
  const handler = handlers[state.encoding];
  if (handler === undefined) return buf.toString(state.encoding);
  if (buf.length === 0) return '';
  let r;
  let i;
  if (state.lastNeed) {
    r = handler.fillLast(state, buf);
    if (r === undefined) return '';
    i = state.lastNeed;
    state.lastNeed = 0;
  } else {
    i = 0;
  }
  if (i < buf.length) return r ? r + handler.text(state, buf, i) : handler.text(state, buf, i);
  return r || '';
};

StringDecoder.prototype.end = function end(buf) {
  let ret = '';
  if (buf !== undefined) ret = this.write(buf);
  const state = this[kState];
  const handler = handlers[state.encoding];
  if (handler !== undefined) ret += handler.flush(state);
  // The decoder can be reused after end().
  state.lastNeed = 0;
  state.lastTotal = 0;
  return ret;
};

// Legacy: decode buf as if it followed the kept bytes, used by old streams.
StringDecoder.prototype.text = function text(buf, offset) {
  const state = this[kState];
  state.lastNeed = 0;
  state.lastTotal = 0;
  return this.write(toBuffer(buf).slice(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    configurable: true,
    enumerable: true,
    get() {
      return this[kState].lastChar;
    },
  },
  lastNeed: {
    configurable: true,
    enumerable: true,
    get() {
      return this[kState].lastNeed;
    },
  },
  lastTotal: {
    configurable: true,
    enumerable: true,
    get() {
      return this[kState].lastTotal;
    },
  },
});

module.exports = { StringDecoder };
