'use strict';
// internal/buffer_blob — Blob and File of the buffer module (and the global
// Blob): immutable byte containers with a MIME type.  The bytes live in one
// Uint8Array copied at construction; slice() shares it.  stream() returns a
// web ReadableStream when the stream/web module exists.

const { isAnyArrayBuffer, isArrayBufferView } = internalBinding('types');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS } } = require('internal/errors');
const { validateDictionary, validateString } = require('internal/validators');

const kBytes = Symbol('kBytes');
const kType = Symbol('kType');
const customInspect = Symbol.for('nodejs.util.inspect.custom');

function toBytes(part, endings) {
  if (typeof part === 'string') {
    if (endings === 'native') part = part.replace(/\r?\n/g, '\n');
    return new TextEncoder().encode(part);
  }
  if (isAnyArrayBuffer(part)) return new Uint8Array(part.slice(0));
  if (isArrayBufferView(part)) {
    return new Uint8Array(part.buffer.slice(part.byteOffset, part.byteOffset + part.byteLength));
  }
  if (part instanceof Blob) return part[kBytes];
  return new TextEncoder().encode(`${part}`);
}

class Blob {
  constructor(sources = [], options) {
    if (sources === null || typeof sources[Symbol.iterator] !== 'function' || typeof sources === 'string') {
      throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);
    }
    if (options !== undefined) validateDictionary(options, 'options');
    const { type = '', endings = 'transparent' } = options || {};
    const endingsStr = `${endings}`;
    if (endingsStr !== 'transparent' && endingsStr !== 'native') {
      const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_VALUE('options.endings', endings);
    }
    const parts = [];
    let length = 0;
    for (const s of sources) {
      const b = toBytes(s, endingsStr);
      parts.push(b);
      length += b.byteLength;
    }
    const bytes = new Uint8Array(length);
    let off = 0;
    for (const p of parts) {
      bytes.set(p, off);
      off += p.byteLength;
    }
    this[kBytes] = bytes;
    const t = `${type}`;
    this[kType] = /[^\u0020-\u007E]/.test(t) ? '' : t.toLowerCase();
  }

  get size() {
    if (!(this instanceof Blob)) throw new ERR_INVALID_THIS('Blob');
    return this[kBytes].byteLength;
  }

  get type() {
    if (!(this instanceof Blob)) throw new ERR_INVALID_THIS('Blob');
    return this[kType];
  }

  slice(start = 0, end = this.size, contentType = '') {
    if (!(this instanceof Blob)) throw new ERR_INVALID_THIS('Blob');
    const size = this.size;
    const rel = (v) => {
      v = Math.trunc(+v) || 0;
      return v < 0 ? Math.max(size + v, 0) : Math.min(v, size);
    };
    const s = rel(start);
    const e = rel(end);
    const b = new Blob([], { type: `${contentType}` });
    b[kBytes] = this[kBytes].subarray(s, Math.max(s, e));
    return b;
  }

  arrayBuffer() {
    if (!(this instanceof Blob)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    const b = this[kBytes];
    return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  }

  text() {
    if (!(this instanceof Blob)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    return Promise.resolve(new TextDecoder().decode(this[kBytes]));
  }

  stream() {
    if (!(this instanceof Blob)) throw new ERR_INVALID_THIS('Blob');
    const { ReadableStream } = require('stream/web');
    const bytes = this[kBytes];
    return new ReadableStream({
      type: 'bytes',
      start(controller) {
        if (bytes.byteLength) controller.enqueue(bytes.slice());
        controller.close();
      },
    });
  }

  [customInspect](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `Blob ${require('internal/util/inspect').inspect({ size: this.size, type: this.type }, opts)}`;
  }
}
Object.defineProperty(Blob.prototype, Symbol.toStringTag, { __proto__: null, configurable: true, value: 'Blob' });
for (const k of ['size', 'type', 'slice', 'arrayBuffer', 'text', 'stream']) {
  const d = Object.getOwnPropertyDescriptor(Blob.prototype, k);
  d.enumerable = true;
  Object.defineProperty(Blob.prototype, k, d);
}

class File extends Blob {
  #name;
  #lastModified;
  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) {
      const { codes: { ERR_MISSING_ARGS } } = require('internal/errors');
      throw new ERR_MISSING_ARGS('fileBits', 'fileName');
    }
    super(fileBits, options);
    let { lastModified } = options ?? {};
    if (lastModified !== undefined) {
      lastModified = +lastModified;
      if (Number.isNaN(lastModified)) lastModified = 0;
    } else {
      lastModified = Date.now();
    }
    this.#name = `${fileName}`;
    this.#lastModified = lastModified;
  }
  get name() { return this.#name; }
  get lastModified() { return this.#lastModified; }
  [customInspect](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `File ${require('internal/util/inspect').inspect({
      size: this.size, type: this.type, name: this.#name, lastModified: this.#lastModified,
    }, opts)}`;
  }
}
Object.defineProperty(File.prototype, Symbol.toStringTag, { __proto__: null, configurable: true, value: 'File' });

function resolveObjectURL(url) {
  validateString(url, 'url');
  return undefined;
}

module.exports = { Blob, File, resolveObjectURL };
