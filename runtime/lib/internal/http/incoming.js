'use strict';
// internal/http/incoming — IncomingMessage: a request (server side) or a
// response (client side) as a Readable stream of its body, with headers,
// rawHeaders, trailers, httpVersion, method/url or statusCode/statusMessage.

const { Readable } = require('stream');
const { headersFromRaw } = require('internal/http/common');

const kHeaders = Symbol('kHeaders');

class IncomingMessage extends Readable {
  constructor(socket) {
    super({ autoDestroy: false });
    this.socket = socket;
    this.httpVersionMajor = null;
    this.httpVersionMinor = null;
    this.httpVersion = null;
    this.complete = false;
    this.rawHeaders = [];
    this.rawTrailers = [];
    this[kHeaders] = null;
    this.trailers = {};
    this.aborted = false;
    this.upgrade = null;
    this.url = '';
    this.method = null;
    this.statusCode = null;
    this.statusMessage = null;
    this._consuming = false;
    this._dumped = false;
  }
  get connection() { return this.socket; }
  // made from rawHeaders when first asked for, as Node 20 does
  get headers() {
    let h = this[kHeaders];
    if (h === null) h = this[kHeaders] = headersFromRaw(this.rawHeaders);
    return h;
  }
  set headers(v) { this[kHeaders] = v; }
  get headersDistinct() {
    const out = {};
    for (let i = 0; i < this.rawHeaders.length; i += 2) {
      const k = this.rawHeaders[i].toLowerCase();
      (out[k] ||= []).push(this.rawHeaders[i + 1]);
    }
    return out;
  }
  setTimeout(ms, cb) { if (this.socket) this.socket.setTimeout(ms, cb); return this; }
  _read() {
    this._consuming = true;
    // the server pauses the socket when push() says the body buffer is full
    // (socket._httpPaused); reading resumes it, as Node's readStart()
    if (this.socket && this.socket.isPaused && this.socket.isPaused()) {
      this.socket._httpPaused = false;
      this.socket.resume();
    }
  }
  // The end of a message: a socket the server paused because this body
  // filled its buffer reads again, so the next request on a kept-alive
  // connection is parsed even when _read() is never called (the body was
  // all buffered before it was consumed) — Node's parserOnMessageComplete
  // does readStart() for the same reason.
  push(chunk, encoding) {
    if (chunk === null && this.socket && this.socket._httpPaused) {
      this.socket._httpPaused = false;
      this.socket.resume();
    }
    return super.push(chunk, encoding);
  }
  _dump() {
    if (!this._dumped) {
      this._dumped = true;
      this.removeAllListeners('data');
      this.resume();
    }
  }
  _destroy(err, cb) {
    if (!this.readableEnded || !this.complete) this.aborted = true;
    // as Node: a message destroyed before it is complete takes its socket along (with or without an error)
    if (this.socket && !this.complete && !this.socket.destroyed) this.socket.destroy(err);
    cb(err);
  }
}

module.exports = { IncomingMessage };
