'use strict';
// internal/streams/decoder — the StringDecoder readable.setEncoding() uses.
// It is the string_decoder module's when that builtin exists; until then a
// small decoder over TextDecoder (utf8, utf16le) or Buffer (latin1, ascii,
// hex, base64, base64url) that keeps incomplete characters/groups between
// chunks, with the same write()/end()/encoding surface.

const { codes: { ERR_UNKNOWN_ENCODING } } = require('internal/errors');

let StringDecoder;

function lazyBuffer() {
  try {
    return require('buffer').Buffer;
  } catch {
    return globalThis.Buffer;
  }
}

function normalize(enc) {
  const e = `${enc === undefined || enc === null ? 'utf8' : enc}`.toLowerCase();
  switch (e) {
    case 'utf8': case 'utf-8': case '': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': case 'base64url': case 'hex': case 'ascii': return e;
    default: return undefined;
  }
}

class FallbackDecoder {
  constructor(encoding) {
    const enc = normalize(encoding);
    if (enc === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    this.encoding = enc;
    this._text = (enc === 'utf8' || enc === 'utf16le') ?
      new TextDecoder(enc === 'utf8' ? 'utf-8' : 'utf-16le') : null;
    this._carry = null;
    this._group = enc === 'base64' || enc === 'base64url' ? 3 : 0;
  }
  write(buf) {
    if (typeof buf === 'string') return buf;
    if (this._text) return this._text.decode(buf, { stream: true });
    const B = lazyBuffer();
    let b = B.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (this._group) {
      if (this._carry) b = B.concat([this._carry, b]);
      const keep = b.length % this._group;
      this._carry = keep ? B.from(b.subarray(b.length - keep)) : null;
      b = b.subarray(0, b.length - keep);
    }
    return b.toString(this.encoding);
  }
  end(buf) {
    let s = buf !== undefined ? this.write(buf) : '';
    if (this._text) return s + this._text.decode();
    if (this._carry) {
      s += this._carry.toString(this.encoding);
      this._carry = null;
    }
    return s;
  }
}

function getStringDecoder() {
  if (StringDecoder === undefined) {
    try {
      StringDecoder = require('string_decoder').StringDecoder;
    } catch {
      StringDecoder = FallbackDecoder;
    }
  }
  return StringDecoder;
}

function createDecoder(encoding) {
  const D = getStringDecoder();
  return new D(encoding);
}

module.exports = { createDecoder, FallbackDecoder };
