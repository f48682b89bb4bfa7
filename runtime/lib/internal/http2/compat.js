'use strict';
// internal/http2/compat — the http/1-style compatibility API of http2
// servers: a server with 'request' listeners turns each stream into an
// Http2ServerRequest (Readable) and an Http2ServerResponse (a writable
// Stream with setHeader/writeHead/write/end), so handlers written for
// http.createServer work unchanged.

const { Readable, Stream } = require('stream');
const { Buffer } = require('buffer');
const codes = require('internal/http2/errors');
const {
  ERR_INVALID_HTTP_TOKEN, ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED, ERR_HTTP2_INVALID_HEADER_VALUE,
  ERR_HTTP2_HEADERS_SENT, ERR_HTTP2_STATUS_INVALID, ERR_HTTP2_INFO_STATUS_NOT_ALLOWED,
  ERR_HTTP2_PUSH_DISABLED, ERR_STREAM_WRITE_AFTER_END, ERR_INVALID_ARG_TYPE,
} = codes;

function assertValidHeader(name, value) {
  if (name === '' || typeof name !== 'string' || name.includes(' ')) {
    throw new ERR_INVALID_HTTP_TOKEN('Header name', name);
  }
  if (name[0] === ':') throw new ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED();
  if (value === undefined || value === null) throw new ERR_HTTP2_INVALID_HEADER_VALUE(value, name);
}

class Http2ServerRequest extends Readable {
  constructor(stream, headers, options, rawHeaders) {
    super({ autoDestroy: false, ...options });
    this._stream = stream;
    this._headers = headers;
    this._rawHeaders = rawHeaders;
    this._trailers = {};
    this._rawTrailers = [];
    this._aborted = false;
    this._complete = false;
    stream.on('data', (chunk) => { if (!this.push(chunk)) stream.pause(); });
    stream.on('end', () => { this._complete = true; this.push(null); });
    stream.on('trailers', (trailers, flags, raw) => {
      this._trailers = trailers;
      this._rawTrailers = raw;
    });
    stream.on('aborted', () => {
      if (this._aborted) return;
      this._aborted = true;
      this.emit('aborted');
    });
    stream.on('close', () => {
      this._complete = true;
      this.emit('close');
    });
    stream.on('error', () => {});
  }
  _read() { this._stream.resume(); }
  get aborted() { return this._aborted; }
  get complete() { return this._complete || this.readableEnded; }
  get stream() { return this._stream; }
  get headers() { return this._headers; }
  get rawHeaders() { return this._rawHeaders; }
  get trailers() { return this._trailers; }
  get rawTrailers() { return this._rawTrailers; }
  get httpVersionMajor() { return 2; }
  get httpVersionMinor() { return 0; }
  get httpVersion() { return '2.0'; }
  get socket() { return this._stream.session ? this._stream.session.socket : null; }
  get connection() { return this.socket; }
  get method() { return this._headers[':method']; }
  set method(v) { this._headers[':method'] = v; }
  get authority() { return this._headers[':authority']; }
  get scheme() { return this._headers[':scheme']; }
  get url() { return this._headers[':path']; }
  set url(v) { this._headers[':path'] = v; }
  setTimeout(msecs, cb) { this._stream.setTimeout(msecs, cb); return this; }
}

class Http2ServerResponse extends Stream {
  constructor(stream, options) {
    super(options);
    this._stream = stream;
    this._headers = { __proto__: null };
    this._trailers = { __proto__: null };
    this.statusCode = 200;
    this.sendDate = true;
    this.writable = true;
    this.req = undefined;
    this._ending = false;
    this._finished = false;
    this._closed = false;
    stream.on('wantTrailers', () => {
      if (Object.keys(this._trailers).length) stream.sendTrailers(this._trailers);
    });
    stream.on('drain', () => this.emit('drain'));
    stream.on('error', () => {});
    stream.on('close', () => {
      this._closed = true;
      this.writable = false;
      if (this._ending) { this._finished = true; this.emit('finish'); }
      this.emit('close');
    });
  }
  get stream() { return this._stream; }
  get socket() { return this._stream.session ? this._stream.session.socket : null; }
  get connection() { return this.socket; }
  get headersSent() { return this._stream.headersSent; }
  get finished() { return this._ending; }
  get writableEnded() { return this._ending; }
  get writableFinished() { return this._finished; }
  get writableCorked() { return this._stream.writableCorked; }
  get writableHighWaterMark() { return this._stream.writableHighWaterMark; }
  get writableLength() { return this._stream.writableLength; }
  get statusMessage() { return ''; }
  set statusMessage(v) {}
  get statusCode() { return this._statusCode; }
  set statusCode(code) {
    code |= 0;
    if (code >= 100 && code < 200) throw new ERR_HTTP2_INFO_STATUS_NOT_ALLOWED();
    if (code < 100 || code > 599) throw new ERR_HTTP2_STATUS_INVALID(code);
    this._statusCode = code;
  }

  setHeader(name, value) {
    if (typeof name !== 'string') throw new ERR_INVALID_ARG_TYPE('name', 'string', name);
    name = name.trim().toLowerCase();
    assertValidHeader(name, value);
    if (this._stream.headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    this._headers[name] = value;
    return this;
  }
  appendHeader(name, value) {
    name = String(name).trim().toLowerCase();
    assertValidHeader(name, value);
    const cur = this._headers[name];
    if (cur === undefined) this._headers[name] = value;
    else this._headers[name] = [].concat(cur, value);
    return this;
  }
  getHeader(name) { return this._headers[String(name).trim().toLowerCase()]; }
  getHeaderNames() { return Object.keys(this._headers); }
  getHeaders() { return { ...this._headers }; }
  hasHeader(name) { return this._headers[String(name).trim().toLowerCase()] !== undefined; }
  removeHeader(name) {
    name = String(name).trim().toLowerCase();
    if (name[0] === ':') throw new ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED();
    if (this._stream.headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    delete this._headers[name];
  }
  addTrailers(headers) {
    for (const k of Object.keys(headers)) {
      const name = k.trim().toLowerCase();
      assertValidHeader(name, headers[k]);
      this._trailers[name] = headers[k];
    }
  }
  setTimeout(msecs, cb) { this._stream.setTimeout(msecs, cb); return this; }

  writeHead(statusCode, statusMessage, headers) {
    if (typeof statusMessage === 'object' && statusMessage !== null) headers = statusMessage;
    if (this._stream.headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    this.statusCode = statusCode;
    if (Array.isArray(headers)) {
      if (headers.length && Array.isArray(headers[0])) {
        for (const [k, v] of headers) this.appendHeader(k, v);
      } else {
        for (let i = 0; i < headers.length; i += 2) this.appendHeader(headers[i], headers[i + 1]);
      }
    } else if (headers) {
      for (const k of Object.keys(headers)) {
        const name = k.trim().toLowerCase();
        assertValidHeader(name, headers[k]);
        this._headers[name] = headers[k];
      }
    }
    if (!this._closed) this._beginSend();
    return this;
  }

  _beginSend() {
    if (this._stream.headersSent || this._stream.destroyed) return;
    const headers = { ...this._headers, ':status': this._statusCode };
    this._stream.respond(headers, {
      endStream: this._ending && this._noBody, waitForTrailers: true, sendDate: this.sendDate,
    });
  }

  flushHeaders() {
    if (!this._closed && !this._stream.headersSent) this.writeHead(this._statusCode);
  }

  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') { cb = encoding; encoding = 'utf8'; }
    if (this._ending) {
      const err = new ERR_STREAM_WRITE_AFTER_END();
      if (typeof cb === 'function') process.nextTick(cb, err);
      this.emit('error', err);
      return false;
    }
    if (this._closed) return false;
    if (!this._stream.headersSent) this.writeHead(this._statusCode);
    return this._stream.write(chunk, encoding, cb);
  }

  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') { cb = chunk; chunk = null; } else if (typeof encoding === 'function') {
      cb = encoding; encoding = 'utf8';
    }
    if (this._ending) {
      if (typeof cb === 'function') process.nextTick(cb);
      return this;
    }
    if (chunk !== null && chunk !== undefined) this.write(chunk, encoding);
    this._ending = true;
    if (typeof cb === 'function') this.once('finish', cb);
    if (this._closed || this._stream.destroyed) return this;
    if (!this._stream.headersSent) {
      this._noBody = true;
      this.writeHead(this._statusCode);
    }
    this._stream.end();
    return this;
  }

  writeContinue() {
    if (this._stream.headersSent || this._closed) return false;
    this._stream.additionalHeaders({ ':status': 100 });
    return true;
  }
  writeEarlyHints() { return false; }

  createPushResponse(headers, callback) {
    process.nextTick(callback, new ERR_HTTP2_PUSH_DISABLED());
  }
}

function onServerStream(server, options, stream, headers, rawHeaders) {
  const Req = (options && options.Http2ServerRequest) || Http2ServerRequest;
  const Res = (options && options.Http2ServerResponse) || Http2ServerResponse;
  const request = new Req(stream, headers, undefined, rawHeaders);
  const response = new Res(stream);
  response.req = request;
  if (headers.expect !== undefined) {
    if (/^100-continue$/i.test(headers.expect)) {
      if (server.listenerCount('checkContinue')) {
        server.emit('checkContinue', request, response);
        return;
      }
      response.writeContinue();
    } else if (server.listenerCount('checkExpectation')) {
      server.emit('checkExpectation', request, response);
      return;
    } else {
      response.statusCode = 417;
      response.end();
      return;
    }
  }
  server.emit('request', request, response);
}

module.exports = { Http2ServerRequest, Http2ServerResponse, onServerStream };
