'use strict';
// internal/http/outgoing — OutgoingMessage, the common half of
// ServerResponse and ClientRequest: header storage and validation, the head
// (Date, Connection, Keep-Alive, Content-Length or chunked
// Transfer-Encoding chosen as Node chooses), chunked framing, write/end with
// 'finish' once everything reached the socket, and buffering until a socket
// is assigned.

const Stream = require('stream');
const { validateHeaderName, validateHeaderValue, codes } = require('internal/http/common');

function B() { return require('buffer').Buffer; }
const kHeaders = Symbol('kOutHeaders');
const { errnoException } = internalBinding('errors');

function onFinishNT(msg) { msg._onFinish(); }

let dateCache;
let dateCacheTime = 0;
function utcDate() {
  const now = Date.now();
  if (now - dateCacheTime >= 1000 || !dateCache) {
    dateCacheTime = now - (now % 1000);
    dateCache = new Date(now).toUTCString();
  }
  return dateCache;
}

class OutgoingMessage extends Stream {
  constructor() {
    super();
    this[kHeaders] = null;
    this._header = null;
    this._headerSent = false;
    this.finished = false;
    this.writableEnded = false;
    this._finishEmitted = false;
    this.destroyed = false;
    this.chunkedEncoding = false;
    this.useChunkedEncodingByDefault = true;
    this.sendDate = false;
    this.shouldKeepAlive = true;
    this._hasBody = true;
    this._contentLength = null;
    this._removedConnection = false;
    this._removedContLen = false;
    this._removedTE = false;
    this._trailer = '';
    this.socket = null;
    this.outputData = [];
    this.outputSize = 0;
    this.writable = true;
    this.strictContentLength = false;
    this._corked = 0;
    // the server's own bookkeeping at 'finish', run before the listeners
    // (where Node registers it as the first 'finish' listener)
    this._onFinishHook = null;
    this._closeAfterFinish = false; // set by the hook: 'close' follows 'finish'
  }
  get connection() { return this.socket; }
  // true from writeHead() on, before the head reaches the socket, as Node
  // (compression and on-headers call writeHead() again when it is false)
  get headersSent() { return !!this._header; }
  // everything handed to the socket has left it (Node's definition; 'finish'
  // may still be on its way)
  get writableFinished() {
    return this.finished && this.outputSize === 0 && (!this.socket || this.socket.writableLength === 0);
  }
  get writableLength() { return this.outputSize + (this.socket ? this.socket.writableLength : 0); }
  get writableHighWaterMark() { return this.socket ? this.socket.writableHighWaterMark : 16384; }
  get writableCorked() { return this._corked; }
  get writableNeedDrain() { return !!(this.socket && this.socket.writableNeedDrain); }

  setHeader(name, value) {
    if (this._header) throw new (codes().ERR_HTTP_HEADERS_SENT)('set');
    validateHeaderName(name);
    validateHeaderValue(name, value);
    if (!this[kHeaders]) this[kHeaders] = { __proto__: null };
    this[kHeaders][name.toLowerCase()] = [name, value];
    return this;
  }
  appendHeader(name, value) {
    if (this._header) throw new (codes().ERR_HTTP_HEADERS_SENT)('append');
    validateHeaderName(name);
    validateHeaderValue(name, value);
    const key = name.toLowerCase();
    if (!this[kHeaders]) this[kHeaders] = { __proto__: null };
    const cur = this[kHeaders][key];
    if (cur === undefined) { this[kHeaders][key] = [name, value]; return this; }
    const prev = Array.isArray(cur[1]) ? cur[1] : [cur[1]];
    this[kHeaders][key] = [cur[0], prev.concat(value)];
    return this;
  }
  setHeaders(headers) {
    for (const [k, v] of (typeof headers.entries === 'function' ? headers.entries() : Object.entries(headers))) this.setHeader(k, v);
    return this;
  }
  getHeader(name) {
    if (typeof name !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)('name', 'string', name);
    const e = this[kHeaders] && this[kHeaders][name.toLowerCase()];
    return e && e[1];
  }
  getHeaders() {
    const out = { __proto__: null };
    if (this[kHeaders]) for (const k of Object.keys(this[kHeaders])) out[k] = this[kHeaders][k][1];
    return out;
  }
  getHeaderNames() { return this[kHeaders] ? Object.keys(this[kHeaders]) : []; }
  getRawHeaderNames() { return this[kHeaders] ? Object.values(this[kHeaders]).map((e) => e[0]) : []; }
  hasHeader(name) {
    if (typeof name !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)('name', 'string', name);
    return !!(this[kHeaders] && this[kHeaders][name.toLowerCase()] !== undefined);
  }
  removeHeader(name) {
    if (typeof name !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)('name', 'string', name);
    if (this._header) throw new (codes().ERR_HTTP_HEADERS_SENT)('remove');
    const key = name.toLowerCase();
    if (key === 'connection') this._removedConnection = true;
    else if (key === 'content-length') this._removedContLen = true;
    else if (key === 'transfer-encoding') this._removedTE = true;
    else if (key === 'date') this.sendDate = false;
    if (this[kHeaders]) delete this[kHeaders][key];
  }

  // Builds this._header from the first line and the stored headers.
  _storeHeader(firstLine, headers) {
    let head = firstLine;
    const state = { connection: false, contLen: false, te: false, date: false, expect: false, trailer: false };
    const add = (name, value) => {
      if (Array.isArray(value)) { for (const v of value) add(name, v); return; }
      validateHeaderValue(name, value);
      head += `${name}: ${value}\r\n`;
      const k = name.length < 20 ? name.toLowerCase() : '';
      if (k === 'connection') { state.connection = true; if (/close/i.test(value)) this._last = true; else this.shouldKeepAlive = true; }
      else if (k === 'content-length') { state.contLen = true; this._contentLength = +value; }
      else if (k === 'transfer-encoding') { state.te = true; if (/chunked/i.test(value)) this.chunkedEncoding = true; }
      else if (k === 'date') state.date = true;
      else if (k === 'expect') state.expect = true;
      else if (k === 'trailer') state.trailer = true;
    };
    if (headers) {
      if (Array.isArray(headers)) {
        if (headers.length && Array.isArray(headers[0])) for (const [k, v] of headers) add(k, v);
        else for (let i = 0; i < headers.length; i += 2) add(headers[i], headers[i + 1]);
      } else {
        for (const key of Object.keys(headers)) {
          const e = headers[key];
          if (Array.isArray(e) && e.length === 2 && this[kHeaders] === headers) add(e[0], e[1]);
          else add(key, e);
        }
      }
    }
    if (this.sendDate && !state.date) head += `Date: ${utcDate()}\r\n`;
    if (this.chunkedEncoding && (this.statusCode === 204 || this.statusCode === 304)) this.chunkedEncoding = false;
    if (!state.connection && !this._removedConnection) {
      const keepAlive = this.shouldKeepAlive && (state.contLen || this.useChunkedEncodingByDefault || this.agent);
      if (keepAlive && this._keepAliveHeader !== undefined) {
        head += 'Connection: keep-alive\r\n';
        if (this._keepAliveHeader) head += `Keep-Alive: ${this._keepAliveHeader}\r\n`;
      } else if (keepAlive) {
        head += 'Connection: keep-alive\r\n';
      } else {
        this._last = true;
        head += 'Connection: close\r\n';
      }
    }
    if (!state.contLen && !state.te) {
      if (!this._hasBody) {
        this.chunkedEncoding = false;
      } else if (!this.useChunkedEncodingByDefault) {
        this._last = true;
      } else if (!state.trailer && !this._removedContLen && typeof this._contentLength === 'number') {
        head += `Content-Length: ${this._contentLength}\r\n`;
      } else if (!this._removedTE) {
        head += 'Transfer-Encoding: chunked\r\n';
        this.chunkedEncoding = true;
      } else {
        this._last = true;
      }
    }
    this._header = `${head}\r\n`;
    this._headerSent = false;
  }

  _send(data, encoding, cb) {
    if (!this._headerSent && this._header !== null) {
      const head = this._header;
      this._headerSent = true;
      if (typeof data === 'string' && (encoding === 'utf8' || encoding === 'latin1' || !encoding)) {
        data = head + data;
      } else {
        this._writeRaw(head, 'latin1', null);
      }
    }
    return this._writeRaw(data, encoding, cb);
  }

  _writeRaw(data, encoding, cb) {
    const conn = this.socket;
    if (conn && conn.destroyed) return false;
    if (conn && conn._httpMessage === this && conn.writable) {
      if (this.outputData.length) this._flushOutput(conn);
      return conn.write(data, encoding, cb);
    }
    // Buffered until there is a socket: as Node, below the high-water mark
    // the write reports success, and a caller told to wait gets 'drain'
    // once the buffer reaches the socket.
    this.outputData.push({ data, encoding, callback: cb });
    this.outputSize += data.length;
    const ok = this.outputSize < 16384;
    if (!ok) this._needDrain = true;
    return ok;
  }

  _flushOutput(socket) {
    const out = this.outputData;
    this.outputData = [];
    this.outputSize = 0;
    let ret;
    for (const { data, encoding, callback } of out) ret = socket.write(data, encoding, callback);
    if (this._needDrain && ret !== false) {
      this._needDrain = false;
      process.nextTick(() => this.emit('drain'));
    }
    return ret;
  }

  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') { cb = encoding; encoding = null; }
    return this._writeChunk(chunk, encoding, cb, false);
  }

  _writeChunk(chunk, encoding, cb, fromEnd) {
    if (this.finished) {
      const err = new (codes().ERR_STREAM_WRITE_AFTER_END)();
      process.nextTick(() => { if (typeof cb === 'function') cb(err); this.emit('error', err); });
      return true;
    }
    if (chunk === null) throw new (codes().ERR_STREAM_NULL_VALUES)();
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
      throw new (codes().ERR_INVALID_ARG_TYPE)('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
    }
    if (!this._header) {
      if (fromEnd && typeof this._contentLength !== 'number' && !this.hasHeader('content-length') && !this.hasHeader('transfer-encoding')) {
        this._contentLength = typeof chunk === 'string' ? B().byteLength(chunk, encoding || 'utf8') : chunk.length;
      }
      this._implicitHeader();
    }
    if (!this._hasBody) {
      if (typeof cb === 'function') process.nextTick(cb);
      return true;
    }
    const len = typeof chunk === 'string' ? B().byteLength(chunk, encoding || 'utf8') : chunk.length;
    if (len === 0) {
      if (typeof cb === 'function') process.nextTick(cb);
      return true;
    }
    if (this.chunkedEncoding) {
      this._send(`${len.toString(16)}\r\n`, 'latin1', null);
      this._send(chunk, encoding, null);
      return this._send('\r\n', 'latin1', cb);
    }
    if (fromEnd && this._finishCb) {
      // The last bytes of the message carry 'finish': no separate empty
      // socket write after them (one syscall per response, as Node).
      const finish = this._finishCb;
      this._finishCb = null;
      return this._send(chunk, encoding, typeof cb === 'function' ? (err) => { cb(err); finish(); } : finish);
    }
    return this._send(chunk, encoding, cb);
  }

  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') { cb = chunk; chunk = null; }
    else if (typeof encoding === 'function') { cb = encoding; encoding = null; }
    if (this.finished) {
      if (typeof cb === 'function') {
        if (this._finishEmitted) process.nextTick(cb); else this.once('finish', cb);
      }
      return this;
    }
    if (!this._headerSent && this.outputData.length === 0 && this._endDirect(chunk, encoding, cb)) return this;
    const finish = () => this._onFinish();
    this._finishCb = finish;
    // Everything end() sends (head, last chunk, terminator) leaves in one
    // writev, as Node corks the socket here.
    const sock = this.socket && this.socket._httpMessage === this && !this.socket.destroyed ? this.socket : null;
    if (sock) sock.cork();
    if (chunk !== null && chunk !== undefined) this._writeChunk(chunk, encoding, null, true);
    else if (!this._header) {
      if (typeof this._contentLength !== 'number' && !this.hasHeader('transfer-encoding')) this._contentLength = 0;
      this._implicitHeader();
    }
    if (typeof cb === 'function') this.once('finish', cb);
    const finishSent = this._finishCb === null;
    this._finishCb = null;
    if (finishSent) { /* the last chunk's write carries finish */ } else if (this._hasBody && this.chunkedEncoding) this._send(`0\r\n${this._trailer}\r\n`, 'latin1', finish);
    else if (!this._headerSent || this.outputData.length) this._send('', 'latin1', finish);
    else if (this.socket && this.socket._httpMessage === this) this.socket.write('', 'latin1', finish);
    else this._pendingFinish = finish;
    if (sock) sock.uncork();
    this.finished = true;
    this.writableEnded = true;
    this.writable = false;
    return this;
  }

  // end() when the whole message (head, body, chunked framing) can leave in
  // one write straight to an idle libuv socket handle: no Buffer, no
  // Writable queue, 'finish' on the next tick as after the socket's own
  // write.  false (nothing sent; the head may have been made) otherwise.
  _endDirect(chunk, encoding, cb) {
    const sock = this.socket;
    if (sock === null || sock._httpMessage !== this || sock.destroyed || sock.connecting) return false;
    const h = sock._handle;
    if (!h || typeof h.writeLatin1String !== 'function') return false;
    const ws = sock._writableState;
    if (ws.length !== 0 || ws.corked !== 0 || ws.ending || ws.writing || ws.errored || sock._httpDirectPending > 0) return false;
    let latin1;
    let bytes = null; // a Uint8Array body goes after the head
    if (chunk === null || chunk === undefined) { chunk = ''; latin1 = true; }
    else if (typeof chunk !== 'string') {
      if (!(chunk instanceof Uint8Array)) return false;
      bytes = chunk;
      chunk = '';
      latin1 = true;
    } else if (!encoding || encoding === 'utf8' || encoding === 'utf-8') latin1 = false;
    else if (encoding === 'latin1' || encoding === 'binary') latin1 = true;
    else return false;
    let bodyLen = -1;
    if (!this._header) {
      // Content-Length from the only chunk, as _writeChunk/end do
      if (bytes !== null && bytes.length > 0) {
        if (typeof this._contentLength !== 'number' && !this.hasHeader('content-length') && !this.hasHeader('transfer-encoding')) {
          this._contentLength = bytes.length;
        }
      } else if (chunk === '') {
        if (typeof this._contentLength !== 'number' && !this.hasHeader('transfer-encoding')) this._contentLength = 0;
      } else if (typeof this._contentLength !== 'number' && !this.hasHeader('content-length') && !this.hasHeader('transfer-encoding')) {
        bodyLen = latin1 ? chunk.length : B().byteLength(chunk, 'utf8');
        this._contentLength = bodyLen;
      }
      this._implicitHeader();
    }
    if (bytes !== null && this._hasBody && this.chunkedEncoding && bytes.length > 0) return false;
    let body = '';
    if (this._hasBody) {
      if (this.chunkedEncoding) {
        if (chunk !== '') {
          if (bodyLen < 0) bodyLen = latin1 ? chunk.length : B().byteLength(chunk, 'utf8');
          body = `${bodyLen.toString(16)}\r\n${chunk}\r\n0\r\n${this._trailer}\r\n`;
        } else {
          body = `0\r\n${this._trailer}\r\n`;
        }
      } else {
        body = chunk;
      }
    }
    const data = this._header + body;
    this._headerSent = true;
    if (typeof cb === 'function') this.once('finish', cb);
    this.finished = true;
    this.writableEnded = true;
    this.writable = false;
    const done = (err) => {
      sock._httpDirectPending--;
      if (err) sock.destroy(err); else this._onFinish();
    };
    if (!this._hasBody) bytes = null;
    const r = latin1 ? h.writeLatin1String(data, done, bytes) : h.writeUtf8String(data, done);
    if (r > 0) {
      sock._bytesDispatched += r;
      process.nextTick(onFinishNT, this);
    } else if (r === 0) {
      sock._httpDirectPending = (sock._httpDirectPending || 0) + 1;
      sock._bytesDispatched += (latin1 ? data.length : B().byteLength(data, 'utf8')) + (bytes !== null ? bytes.length : 0);
    } else {
      sock.destroy(errnoException(r, 'write'));
    }
    if (sock._timeoutMs > 0) sock._touch();
    return true;
  }

  _onFinish() {
    if (this._finishEmitted) return;
    this._finishEmitted = true;
    this.emit('prefinish');
    if (this._onFinishHook !== null) this._onFinishHook(this);
    this.emit('finish');
    // where Node's emitCloseNT would run: after the 'finish' listeners and
    // before anything they queue (one tick less per response)
    if (this._closeAfterFinish) {
      this._closeAfterFinish = false;
      this.emit('close');
    }
  }

  addTrailers(headers) {
    this._trailer = '';
    for (const [k, v] of Object.entries(headers)) {
      validateHeaderName(k, 'Trailer name');
      validateHeaderValue(k, v);
      this._trailer += `${k}: ${v}\r\n`;
    }
  }

  flushHeaders() {
    if (!this._header) this._implicitHeader();
    this._send('', 'latin1', null);
  }
  cork() { this._corked++; if (this.socket) this.socket.cork(); }
  uncork() { if (this._corked) this._corked--; if (this.socket) this.socket.uncork(); }
  setTimeout(ms, cb) {
    if (cb) this.on('timeout', cb);
    if (this.socket) this.socket.setTimeout(ms);
    else this.once('socket', (s) => s.setTimeout(ms));
    return this;
  }
  destroy(err) {
    if (this.destroyed) return this;
    this.destroyed = true;
    if (this.socket) this.socket.destroy(err);
    else this.once('socket', (s) => s.destroy(err));
    return this;
  }
  _implicitHeader() { throw new (codes().ERR_METHOD_NOT_IMPLEMENTED)('_implicitHeader()'); }
}

module.exports = { OutgoingMessage, kHeaders, utcDate };
