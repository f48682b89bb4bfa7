'use strict';
// internal/streams/buffer_list — the queue of chunks a Readable holds
// (readable.readableBuffer).  An array with a moving head so shift() is O(1);
// consume(n) takes exactly n bytes or characters across chunk boundaries.

function lazyBuffer() {
  try {
    return require('buffer').Buffer;
  } catch {
    return globalThis.Buffer;
  }
}

class BufferList {
  constructor() {
    this._items = [];
    this._head = 0;
  }
  get length() { return this._items.length - this._head; }
  push(v) { this._items.push(v); }
  unshift(v) {
    if (this._head > 0) this._items[--this._head] = v;
    else this._items.unshift(v);
  }
  shift() {
    if (this._head >= this._items.length) return undefined;
    const v = this._items[this._head];
    this._items[this._head++] = undefined;
    if (this._head === this._items.length) this.clear();
    else if (this._head > 1024 && this._head * 2 > this._items.length) {
      this._items = this._items.slice(this._head);
      this._head = 0;
    }
    return v;
  }
  first() { return this._items[this._head]; }
  clear() {
    this._items = [];
    this._head = 0;
  }
  toArray() { return this._items.slice(this._head); }
  *[Symbol.iterator]() {
    for (let i = this._head; i < this._items.length; i++) yield this._items[i];
  }
  join(s) { return this.toArray().join(s); }
  concat(n) {
    const B = lazyBuffer();
    if (this.length === 0) return B.alloc(0);
    const out = B.allocUnsafe(n >>> 0);
    let off = 0;
    for (let i = this._head; i < this._items.length; i++) {
      const c = this._items[i];
      out.set(c, off);
      off += c.length;
    }
    return out;
  }
  // Take n bytes (or characters when the chunks are strings).
  consume(n, hasStrings) {
    const first = this.first();
    if (n < first.length) {
      this._items[this._head] = first.slice(n);
      return first.slice(0, n);
    }
    if (n === first.length) return this.shift();
    return hasStrings ? this._takeString(n) : this._takeBuffer(n);
  }
  _takeString(n) {
    let ret = '';
    while (n > 0 && this.length) {
      const s = this.first();
      if (n >= s.length) {
        ret += s;
        n -= s.length;
        this.shift();
      } else {
        ret += s.slice(0, n);
        this._items[this._head] = s.slice(n);
        n = 0;
      }
    }
    return ret;
  }
  _takeBuffer(n) {
    const B = lazyBuffer();
    const ret = B.allocUnsafe(n);
    let off = 0;
    while (n > 0 && this.length) {
      const b = this.first();
      if (n >= b.length) {
        ret.set(b, off);
        off += b.length;
        n -= b.length;
        this.shift();
      } else {
        ret.set(new Uint8Array(b.buffer, b.byteOffset, n), off);
        this._items[this._head] = b.slice(n);
        n = 0;
      }
    }
    return ret;
  }
}

module.exports = BufferList;
