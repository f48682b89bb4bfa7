'use strict';
// internal/encoding — WHATWG TextEncoder and TextDecoder.  UTF-8 work is done
// in C (internalBinding('encoding')); utf-16le and latin1 (windows-1252 per
// the spec's label table, decoded as Node does with latin1) in JavaScript.

const binding = internalBinding('encoding');
const kEncoding = Symbol('encoding');

function lazyErrors() { return require('internal/errors').codes; }

class TextEncoder {
  get encoding() { return 'utf-8'; }
  encode(input = '') { return binding.encodeUtf8(`${input}`); }
  encodeInto(src, dest) {
    if (!(dest instanceof Uint8Array)) {
      throw new (lazyErrors().ERR_INVALID_ARG_TYPE)('dest', 'Uint8Array', dest);
    }
    const [read, written] = binding.encodeInto(`${src}`, dest);
    return { read, written };
  }
  get [Symbol.toStringTag]() { return 'TextEncoder'; }
}
Object.defineProperty(TextEncoder.prototype, 'encode', { enumerable: true });
Object.defineProperty(TextEncoder.prototype, 'encodeInto', { enumerable: true });
Object.defineProperty(TextEncoder.prototype, 'encoding', { enumerable: true });

const labels = {
  'unicode-1-1-utf-8': 'utf-8', 'unicode11utf8': 'utf-8', 'unicode20utf8': 'utf-8', 'utf8': 'utf-8',
  'utf-8': 'utf-8', 'x-unicode20utf8': 'utf-8',
  'csunicode': 'utf-16le', 'iso-10646-ucs-2': 'utf-16le', 'ucs-2': 'utf-16le', 'unicode': 'utf-16le',
  'unicodefeff': 'utf-16le', 'utf-16': 'utf-16le', 'utf-16le': 'utf-16le',
  'ansi_x3.4-1968': 'windows-1252', 'ascii': 'windows-1252', 'cp1252': 'windows-1252',
  'cp819': 'windows-1252', 'csisolatin1': 'windows-1252', 'ibm819': 'windows-1252',
  'iso-8859-1': 'windows-1252', 'iso-ir-100': 'windows-1252', 'iso8859-1': 'windows-1252',
  'iso88591': 'windows-1252', 'iso_8859-1': 'windows-1252', 'iso_8859-1:1987': 'windows-1252',
  'l1': 'windows-1252', 'latin1': 'windows-1252', 'us-ascii': 'windows-1252',
  'windows-1252': 'windows-1252', 'x-cp1252': 'windows-1252',
};

function toView(input) {
  if (input === undefined) return new Uint8Array(0);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (input instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && input instanceof SharedArrayBuffer)) {
    return new Uint8Array(input);
  }
  throw new (lazyErrors().ERR_INVALID_ARG_TYPE)('input', ['ArrayBuffer', 'ArrayBufferView'], input);
}

// Length of the incomplete UTF-8 sequence at the end of bytes (0..3).
function incompleteTail(bytes) {
  const n = bytes.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const b = bytes[n - k];
    if ((b & 0xC0) === 0x80) continue; // continuation byte
    let need = 0;
    if ((b & 0xE0) === 0xC0) need = 2;
    else if ((b & 0xF0) === 0xE0) need = 3;
    else if ((b & 0xF8) === 0xF0) need = 4;
    return need > k ? k : 0;
  }
  return 0;
}

class TextDecoder {
  constructor(encoding = 'utf-8', options = {}) {
    const key = `${encoding}`.trim().toLowerCase();
    const enc = labels[key];
    if (enc === undefined) {
      const E = lazyErrors().ERR_ENCODING_NOT_SUPPORTED;
      throw new E(encoding);
    }
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw new (lazyErrors().ERR_INVALID_ARG_TYPE)('options', 'object', options);
    }
    this[kEncoding] = enc;
    this._fatal = !!(options && options.fatal);
    this._ignoreBOM = !!(options && options.ignoreBOM);
    this._pending = null;
    this._bomSeen = false;
  }
  get encoding() { return this[kEncoding]; }
  get fatal() { return this._fatal; }
  get ignoreBOM() { return this._ignoreBOM; }
  decode(input, options = {}) {
    let bytes = toView(input);
    const stream = !!(options && options.stream);
    if (this._pending) {
      const joined = new Uint8Array(this._pending.length + bytes.length);
      joined.set(this._pending);
      joined.set(bytes, this._pending.length);
      bytes = joined;
      this._pending = null;
    }
    const enc = this[kEncoding];
    if (enc === 'utf-8') {
      if (stream) {
        const tail = incompleteTail(bytes);
        if (tail) { this._pending = bytes.slice(bytes.length - tail); bytes = bytes.subarray(0, bytes.length - tail); }
      }
      const ignore = this._ignoreBOM || this._bomSeen;
      const s = binding.decodeUtf8(bytes, ignore, this._fatal);
      if (bytes.length) this._bomSeen = stream;
      if (!stream) this._bomSeen = false;
      return s;
    }
    if (enc === 'utf-16le') {
      let n = bytes.length & ~1;
      if (stream && bytes.length & 1) this._pending = bytes.slice(n);
      else if (bytes.length & 1) {
        if (this._fatal) throw new (lazyErrors().ERR_ENCODING_INVALID_ENCODED_DATA)(enc);
      }
      let s = '';
      let start = 0;
      if (!this._ignoreBOM && !this._bomSeen && n >= 2 && bytes[0] === 0xFF && bytes[1] === 0xFE) start = 2;
      for (let i = start; i < n; i += 2) s += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
      if (!stream && bytes.length & 1) s += '\ufffd';
      this._bomSeen = stream && n > 0;
      return s;
    }
    return binding.decodeLatin1(bytes);
  }
  get [Symbol.toStringTag]() { return 'TextDecoder'; }
}

module.exports = { TextEncoder, TextDecoder };
