'use strict';
// internal/http2/core — http2 sessions, streams and servers on
// internalBinding('http2') (nghttp2).
//
// A session owns a socket (net.Socket for h2c, tls.TLSSocket for h2): bytes
// read from it go to the binding's receive(), which returns the frames'
// events; what the binding wants sent (send()) is written to the socket.
// Output is flushed once per tick (flush scheduled by every submit) and right
// after each chunk of input, so SETTINGS/PING acks and window updates go out
// promptly. Streams are Duplexes: writes queue body bytes in C (no write
// backpressure beyond the socket's own buffering), received DATA is pushed as
// it arrives (nghttp2 sends WINDOW_UPDATEs automatically).

const EventEmitter = require('events');
const net = require('net');
const tls = require('tls');
const { Duplex } = require('stream');
const { Buffer } = require('buffer');
const binding = internalBinding('http2');
const constants = require('internal/http2/constants');
const codes = require('internal/http2/errors');
const {
  assertValidHeaders, toHeaderList, toHeaderObject, kSensitiveHeaders,
  getDefaultSettings, validateSettings, settingsToList, settingsFromList,
} = require('internal/http2/util');

const {
  ERR_HTTP2_STREAM_ERROR, ERR_HTTP2_SESSION_ERROR, ERR_HTTP2_INVALID_SESSION,
  ERR_HTTP2_INVALID_STREAM, ERR_HTTP2_GOAWAY_SESSION, ERR_HTTP2_HEADERS_SENT,
  ERR_HTTP2_PING_LENGTH, ERR_HTTP2_PING_CANCEL, ERR_HTTP2_STREAM_CANCEL, ERR_HTTP2_ERROR,
  ERR_HTTP2_UNSUPPORTED_PROTOCOL, ERR_HTTP2_TRAILERS_ALREADY_SENT, ERR_HTTP2_TRAILERS_NOT_READY,
  ERR_HTTP2_STATUS_INVALID, ERR_HTTP2_STATUS_101, ERR_HTTP2_INVALID_INFO_STATUS,
  ERR_HTTP2_HEADERS_AFTER_RESPOND, ERR_HTTP2_PUSH_DISABLED, ERR_HTTP2_SEND_FILE,
  ERR_INVALID_ARG_TYPE,
} = codes;

const {
  NGHTTP2_NO_ERROR, NGHTTP2_CANCEL, NGHTTP2_INTERNAL_ERROR, NGHTTP2_SESSION_SERVER,
  NGHTTP2_SESSION_CLIENT, NGHTTP2_FLAG_END_STREAM, NGHTTP2_STREAM_STATE_CLOSED,
  HTTP2_HEADER_STATUS, HTTP2_HEADER_METHOD, HTTP2_HEADER_PATH, HTTP2_HEADER_SCHEME,
  HTTP2_HEADER_AUTHORITY, HTTP2_HEADER_DATE, HTTP2_METHOD_GET, HTTP2_METHOD_HEAD,
  HTTP2_METHOD_DELETE, HTTP2_METHOD_CONNECT,
} = constants;

// nghttp2_headers_category (not in http2.constants)
const NGHTTP2_HCAT_REQUEST = 0;
const NGHTTP2_HCAT_RESPONSE = 1;
const NGHTTP2_HCAT_HEADERS = 3;

Object.setPrototypeOf(binding.SessionMethods, Object.prototype);

const kNoPayloadMethods = new Set([HTTP2_METHOD_DELETE, HTTP2_METHOD_GET, HTTP2_METHOD_HEAD]);
const nameForErrorCode = {};
for (const k of Object.keys(constants)) {
  if (/^NGHTTP2_(NO_ERROR|PROTOCOL_ERROR|INTERNAL_ERROR|FLOW_CONTROL_ERROR|SETTINGS_TIMEOUT|STREAM_CLOSED|FRAME_SIZE_ERROR|REFUSED_STREAM|CANCEL|COMPRESSION_ERROR|CONNECT_ERROR|ENHANCE_YOUR_CALM|INADEQUATE_SECURITY|HTTP_1_1_REQUIRED)$/.test(k)) {
    nameForErrorCode[constants[k]] = k;
  }
}

function newHandle(type) {
  const h = binding.create(type);
  Object.setPrototypeOf(h, binding.SessionMethods);
  return h;
}

function libError(rv) {
  const e = new ERR_HTTP2_ERROR(binding.strerror(rv));
  e.errno = rv;
  return e;
}

function emitNT(target, ...args) { target.emit(...args); }

function utcDate() { return new Date().toUTCString(); }

// ---- sessions ---------------------------------------------------------------

class Http2Session extends EventEmitter {
  constructor(type, options, socket) {
    super();
    this._type = type;
    this._handle = newHandle(type === NGHTTP2_SESSION_SERVER ? 0 : 1);
    this._socket = socket;
    this._streams = new Map();
    this._pendingStreams = new Set();
    this._closed = false;
    this._destroyed = false;
    this._goawayReceived = false;
    this._flushQueued = false;
    this._pings = [];
    this._blocked = new Set(); // streams whose last write waits for nghttp2 to take the bytes
    this._pendingAcks = [];
    this._options = options || {};
    this._localSettings = undefined;
    this._remoteSettings = undefined;
    this._timeout = 0;
    this._connecting = true;
    this.encrypted = socket instanceof tls.TLSSocket;
    this.alpnProtocol = undefined;
    this._originSet = undefined;

    const settings = this._options.settings;
    if (settings !== undefined) validateSettings(settings);
    const list = settingsToList(settings || {});
    this._handle.submitSettings(list);
    this._pendingAcks.push(null);

    socket.on('data', (d) => this._receive(d));
    socket.on('error', (err) => this.destroy(err));
    socket.on('end', () => { if (!this._destroyed) this.destroy(); });
    socket.on('close', () => { if (!this._destroyed) this.destroy(); });
    socket.on('timeout', () => this.emit('timeout'));
  }

  get type() { return this._type; }
  // The origins this session is authoritative for (TLS only): as Node, the
  // socket's servername and port (ORIGIN frames are not supported).
  get originSet() {
    if (!this.encrypted || this._destroyed) return undefined;
    if (this._originSet === undefined) {
      this._originSet = new Set();
      const sock = this._socket;
      if (sock.servername != null) {
        let o = `https://${sock.servername}`;
        if (sock.remotePort != null) o += `:${sock.remotePort}`;
        this._originSet.add(new URL(o).origin);
      }
    }
    return Array.from(this._originSet);
  }
  get socket() { return this._socket; }
  get closed() { return this._closed; }
  get destroyed() { return this._destroyed; }
  get connecting() { return this._connecting; }
  get pendingSettingsAck() { return this._pendingAcks.length > 0; }
  get localSettings() {
    if (this._destroyed) return {};
    return settingsFromList(this._handle.localSettings());
  }
  get remoteSettings() {
    if (this._destroyed) return {};
    return settingsFromList(this._handle.remoteSettings());
  }
  get state() {
    if (this._destroyed) return {};
    return this._handle.state();
  }

  _onConnected() {
    this._connecting = false;
    this.alpnProtocol = this.encrypted ? this._socket.alpnProtocol : 'h2c';
    this._flush();
  }

  _scheduleFlush() {
    if (this._flushQueued || this._destroyed) return;
    this._flushQueued = true;
    process.nextTick(() => { this._flushQueued = false; this._flush(); });
  }

  _flush() {
    if (this._destroyed || this._connecting) return;
    const [out, events] = this._handle.send();
    if (out !== undefined && !this._socket.destroyed) this._socket.write(Buffer.from(out));
    this._dispatch(events);
    if (this._blocked.size) {
      for (const s of [...this._blocked]) s._releaseWrite();
    }
  }

  _receive(data) {
    if (this._destroyed) return;
    if (typeof data === 'string') data = Buffer.from(data, this._socket.readableEncoding || 'utf8');
    const events = this._handle.receive(data);
    this._dispatch(events);
    if (!this._destroyed) this._flush();
  }

  _dispatch(events) {
    for (let i = 0; i < events.length; i++) {
      if (this._destroyed) return;
      const ev = events[i];
      switch (ev[0]) {
        case 0: { // nghttp2 failed (e.g. a bad preface): the session is dead
          this.destroy(libError(ev[1]));
          break;
        }
        case 1: this._onHeaders(ev[1], ev[2], ev[3], ev[4]); break;
        case 2: {
          const s = this._streams.get(ev[1]);
          if (s && !s.destroyed) s._inOrder('_onData', Buffer.from(ev[2]));
          else this._handle.consume(ev[1], ev[2].byteLength); // nobody will read it
          break;
        }
        case 3: {
          const s = this._streams.get(ev[1]);
          if (s) s._inOrder('_onEnd');
          break;
        }
        case 4: {
          const s = this._streams.get(ev[1]);
          if (s) s._inOrder('_onClose', ev[2]);
          break;
        }
        case 5: {
          if (ev[1]) {
            const cb = this._pendingAcks.shift();
            this.emit('localSettings', this.localSettings);
            if (cb) cb(null, this.localSettings, 0);
          } else {
            this.emit('remoteSettings', this.remoteSettings);
          }
          break;
        }
        case 6: {
          const payload = Buffer.from(ev[2]);
          if (ev[1]) {
            const p = this._pings.shift();
            if (p) p.cb(null, Number(process.hrtime.bigint() - p.start) / 1e6, payload);
          } else {
            this.emit('ping', payload);
          }
          break;
        }
        case 7: this._onGoaway(ev[1], ev[2], ev[3] ? Buffer.from(ev[3]) : undefined); break;
        case 8: break; // RST_STREAM: the stream's close event carries the code
        case 9: {
          const s = this._streams.get(ev[1]);
          if (s) s.destroy(libError(ev[3]));
          break;
        }
        default: break;
      }
    }
  }

  _onGoaway(code, lastStreamID, opaque) {
    this._goawayReceived = true;
    this.emit('goaway', code, lastStreamID, opaque);
    if (this._destroyed) return;
    if (code === NGHTTP2_NO_ERROR) {
      this.close();
    } else {
      this.destroy(new ERR_HTTP2_SESSION_ERROR(nameForErrorCode[code] || code), code);
    }
  }

  // As Node, header events ('stream', 'response', 'headers', 'trailers') are
  // emitted on the next tick; DATA and END_STREAM are pushed at once.
  _onHeaders(id, cat, flags, list) {
    const headers = toHeaderObject(list);
    const raw = [];
    for (let i = 0; i < list.length; i += 3) raw.push(list[i], list[i + 1]);
    let stream = this._streams.get(id);
    if (stream === undefined) {
      if (this._type !== NGHTTP2_SESSION_SERVER || cat !== NGHTTP2_HCAT_REQUEST) return;
      stream = new ServerHttp2Stream(this, id, headers);
      this._streams.set(id, stream);
      if (flags & NGHTTP2_FLAG_END_STREAM) stream._endAfterHeaders = true;
      if (headers[HTTP2_HEADER_METHOD] === HTTP2_METHOD_HEAD) stream._headRequest = true;
      process.nextTick(emitNT, this, 'stream', stream, headers, flags, raw);
      return;
    }
    if (flags & NGHTTP2_FLAG_END_STREAM) stream._endAfterHeaders = !stream._gotData;
    if (cat === NGHTTP2_HCAT_RESPONSE) {
      const status = headers[HTTP2_HEADER_STATUS];
      if (status >= 100 && status < 200) {
        stream._deferEmit('headers', headers, flags, raw);
        return;
      }
      stream._gotResponse = true;
      stream._deferEmit('response', headers, flags, raw);
    } else if (cat === NGHTTP2_HCAT_HEADERS) {
      const status = headers[HTTP2_HEADER_STATUS];
      if (stream._gotData || (this._type === NGHTTP2_SESSION_SERVER) ||
          (stream._gotResponse && status === undefined)) {
        stream._deferEmit('trailers', headers, flags, raw);
      } else if (status !== undefined && status >= 100 && status < 200) {
        stream._deferEmit('headers', headers, flags, raw);
      } else if (!stream._gotResponse) {
        stream._gotResponse = true;
        stream._deferEmit('response', headers, flags, raw);
      } else {
        stream._deferEmit('trailers', headers, flags, raw);
      }
    } else {
      stream._deferEmit('headers', headers, flags, raw);
    }
  }

  _checkUsable() {
    if (this._destroyed) throw new ERR_HTTP2_INVALID_SESSION();
  }

  ping(payload, cb) {
    this._checkUsable();
    if (typeof payload === 'function') { cb = payload; payload = undefined; }
    if (payload !== undefined && !ArrayBuffer.isView(payload)) {
      throw new ERR_INVALID_ARG_TYPE('payload', ['Buffer', 'TypedArray', 'DataView'], payload);
    }
    if (payload !== undefined && payload.byteLength !== 8) throw new ERR_HTTP2_PING_LENGTH();
    if (typeof cb !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'Function', cb);
    const rv = this._handle.ping(payload);
    if (rv !== 0) return false;
    this._pings.push({ cb, start: process.hrtime.bigint() });
    this._scheduleFlush();
    return true;
  }

  settings(settings, cb) {
    this._checkUsable();
    validateSettings(settings);
    if (cb !== undefined && typeof cb !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('callback', 'Function', cb);
    }
    this._handle.submitSettings(settingsToList(settings));
    this._pendingAcks.push(cb || null);
    this._scheduleFlush();
  }

  goaway(code = NGHTTP2_NO_ERROR, lastStreamID, opaqueData) {
    if (this._destroyed) return;
    this._handle.goaway(code, lastStreamID, opaqueData);
    this._scheduleFlush();
  }

  setLocalWindowSize(windowSize) {
    this._checkUsable();
    require('internal/validators').validateInt32(windowSize, 'windowSize', 0);
    const rv = this._handle.setLocalWindowSize(windowSize);
    if (rv < 0) throw libError(rv);
    this._scheduleFlush();
  }

  setTimeout(msecs, cb) {
    this._socket.setTimeout(msecs);
    if (cb) this.on('timeout', cb);
    return this;
  }

  ref() { if (this._socket.ref) this._socket.ref(); }
  unref() { if (this._socket.unref) this._socket.unref(); }

  close(cb) {
    if (this._closed || this._destroyed) return;
    this._closed = true;
    if (typeof cb === 'function') this.once('close', cb);
    if (!this._connecting) this.goaway(NGHTTP2_NO_ERROR);
    this._maybeDestroy();
  }

  _maybeDestroy() {
    if (this._closed && !this._destroyed && this._streams.size === 0 &&
        this._pendingStreams.size === 0) {
      // Let the GOAWAY (and any last frames) go out first.
      process.nextTick(() => {
        if (!this._destroyed && this._streams.size === 0 && this._pendingStreams.size === 0) {
          this.destroy();
        }
      });
    }
  }

  destroy(error, code) {
    if (this._destroyed) return;
    if (typeof error === 'number') { code = error; error = undefined; }
    if (code === undefined) code = error ? NGHTTP2_INTERNAL_ERROR : NGHTTP2_NO_ERROR;
    if (code !== NGHTTP2_NO_ERROR && error === undefined) {
      error = new ERR_HTTP2_SESSION_ERROR(nameForErrorCode[code] || code);
    }
    this._closed = true;
    const cancel = new ERR_HTTP2_STREAM_CANCEL(error);
    for (const s of this._pendingStreams) s.destroy(cancel);
    this._pendingStreams.clear();
    for (const s of [...this._streams.values()]) s.destroy(error);
    this._destroyed = true;
    // Say goodbye if the connection is still usable, then drop it.
    try {
      if (!this._connecting && !this._socket.destroyed && code !== NGHTTP2_NO_ERROR) {
        this._handle.goaway(code);
        const [out] = this._handle.send();
        if (out !== undefined) this._socket.write(Buffer.from(out));
      }
    } catch { /* the session may already be unusable */ }
    for (const p of this._pings.splice(0)) process.nextTick(p.cb, new ERR_HTTP2_PING_CANCEL());
    this._handle.destroy();
    const sock = this._socket;
    if (!sock.destroyed) {
      if (code === NGHTTP2_NO_ERROR && !error && !this._connecting) sock.end();
      else sock.destroy();
      // A socket that does not finish closing by itself is destroyed.
      setImmediate(() => { if (!sock.destroyed && sock.writableFinished) sock.destroy(); });
    }
    process.nextTick(() => {
      if (error) this.emit('error', error);
      this.emit('close');
    });
  }
}

class ServerHttp2Session extends Http2Session {
  constructor(options, socket, server) {
    super(NGHTTP2_SESSION_SERVER, options, socket);
    this._server = server;
    this._connecting = false;
    this.alpnProtocol = this.encrypted ? socket.alpnProtocol : 'h2c';
    this._flush();
  }
  get server() { return this._server; }
  altsvc() {}
  origin() {}
}

class ClientHttp2Session extends Http2Session {
  constructor(options, socket, authority) {
    super(NGHTTP2_SESSION_CLIENT, options, socket);
    this._authority = authority;
  }

  request(headers, options) {
    this._checkUsable();
    if (this._closed) throw new ERR_HTTP2_GOAWAY_SESSION();
    if (this._goawayReceived) throw new ERR_HTTP2_GOAWAY_SESSION();
    headers = headers == null ? {} : headers;
    if (typeof headers !== 'object') throw new ERR_INVALID_ARG_TYPE('headers', 'Object', headers);
    options = { ...options };
    headers = Object.assign({ __proto__: null }, headers);
    if (headers[HTTP2_HEADER_METHOD] === undefined) headers[HTTP2_HEADER_METHOD] = HTTP2_METHOD_GET;
    const method = String(headers[HTTP2_HEADER_METHOD]);
    const connect = method === HTTP2_METHOD_CONNECT;
    if (!connect) {
      if (headers[HTTP2_HEADER_AUTHORITY] === undefined) headers[HTTP2_HEADER_AUTHORITY] = this._authority.host;
      if (headers[HTTP2_HEADER_SCHEME] === undefined) headers[HTTP2_HEADER_SCHEME] = this._authority.scheme;
      if (headers[HTTP2_HEADER_PATH] === undefined) headers[HTTP2_HEADER_PATH] = '/';
    }
    let list;
    try {
      list = toHeaderList(headers, assertValidHeaders);
    } catch (err) {
      // As Node: a header name that is not a token kills the session too.
      if (err.code === 'ERR_INVALID_HTTP_TOKEN') this.destroy(err);
      throw err;
    }
    if (options.endStream === undefined) options.endStream = kNoPayloadMethods.has(method);
    const stream = new ClientHttp2Stream(this, options);
    if (options.endStream) stream.end();
    if (options.signal) {
      const onAbort = () => stream.destroy(new (require('internal/errors').AbortError)(undefined, { cause: options.signal.reason }));
      if (options.signal.aborted) { process.nextTick(onAbort); } else {
        options.signal.addEventListener('abort', onAbort, { once: true });
        stream.once('close', () => options.signal.removeEventListener('abort', onAbort));
      }
    }
    const submit = () => {
      this._pendingStreams.delete(stream);
      if (this._destroyed || stream.destroyed) return;
      const id = this._handle.submitRequest(list, !!options.endStream && stream._writableEnded());
      if (id < 0) {
        stream.destroy(libError(id));
        return;
      }
      stream._attach(id);
      this._streams.set(id, stream);
      this._scheduleFlush();
    };
    if (this._connecting) {
      this._pendingStreams.add(stream);
      this.once('connect', submit);
    } else {
      this._pendingStreams.add(stream);
      // Node assigns the id right away when connected.
      submit();
    }
    return stream;
  }
}

// ---- streams ----------------------------------------------------------------

class Http2Stream extends Duplex {
  constructor(session, options) {
    super({ allowHalfOpen: true, decodeStrings: false, autoDestroy: false, ...options });
    this._session = session;
    this._id = undefined;
    this._rstCode = undefined;
    this._closedByPeer = false;
    this._sentHeaders = undefined;
    this._sentTrailers = undefined;
    this._sentInfoHeaders = undefined;
    this._headersSent = false;
    this._waitForTrailers = false;
    this._trailersReady = false;
    this._trailers = undefined;
    this._pendingWrites = [];
    this._endAfterHeaders = false;
    this._gotData = false;
    this._aborted = false;
    this._ended = false;
    this._timeoutMs = 0;
    this._timer = null;
    this.on('finish', () => this._maybeDestroy());
  }

  get id() { return this._id; }
  get session() { return this._session; }
  get pending() { return this._id === undefined; }
  get rstCode() { return this._rstCode; }
  get sentHeaders() { return this._sentHeaders; }
  get sentTrailers() { return this._sentTrailers; }
  get sentInfoHeaders() { return this._sentInfoHeaders; }
  get aborted() { return this._aborted; }
  get closed() { return this._rstCode !== undefined; }
  get endAfterHeaders() { return this._endAfterHeaders; }
  get bufferSize() { return this.writableLength; }
  get headersSent() { return this._headersSent; }
  get state() {
    if (this._id === undefined || this.destroyed || this._session._destroyed) return {};
    return this._session._handle.streamState(this._id) || { state: NGHTTP2_STREAM_STATE_CLOSED };
  }

  _writableEnded() { return this._writableState.ending; }

  _attach(id) {
    this._id = id;
    this.emit('ready');
    for (const [chunk, cb] of this._pendingWrites.splice(0)) this._write(chunk, null, cb);
    if (this._pendingFinal) { const cb = this._pendingFinal; this._pendingFinal = null; this._final(cb); }
  }

  setTimeout(msecs, cb) {
    if (this._timer) { clearTimeout(this._timer); this._timer = null; }
    this._timeoutMs = msecs;
    if (cb) this.once('timeout', cb);
    if (msecs > 0) {
      this._timer = setTimeout(() => this.emit('timeout'), msecs);
      if (this._timer.unref) this._timer.unref();
    }
    return this;
  }

  // Header events are emitted on the next tick (as Node); DATA, END_STREAM
  // and the close of the same stream that arrive behind them wait their turn.
  _deferEmit(...args) {
    this._deferred = (this._deferred || 0) + 1;
    process.nextTick(() => { this._deferred--; this.emit(...args); });
  }

  _inOrder(method, arg) {
    if (!this._deferred) { this[method](arg); return; }
    this._deferred++;
    process.nextTick(() => { this._deferred--; this[method](arg); });
  }

  // Flow control: bytes the reader has taken reopen the peer's window at
  // once; bytes left in the buffer (push() said stop) only when _read asks.
  _onData(chunk) {
    const session = this._session;
    if (this.destroyed) {
      if (!session._destroyed) session._handle.consume(this._id, chunk.length);
      return;
    }
    this._gotData = true;
    if (this.push(chunk)) {
      session._handle.consume(this._id, chunk.length);
    } else {
      this._unconsumed = (this._unconsumed || 0) + chunk.length;
    }
  }

  _consumeAll() {
    const n = this._unconsumed;
    if (!n) return;
    this._unconsumed = 0;
    if (this._session._destroyed || this._id === undefined) return;
    this._session._handle.consume(this._id, n);
    this._session._scheduleFlush();
  }

  _onEnd() {
    this._ended = true;
    this.push(null);
    // As Node: with nothing buffered, 'end' comes even while paused (gRPC
    // clients pause after each message and wait for it).
    this.read(0);
  }

  _onClose(code) {
    this._rstCode = code;
    this._closedByPeer = true;
    if (this._timer) { clearTimeout(this._timer); this._timer = null; }
    if (!this._writableState.ending && !this._aborted) {
      this._aborted = true;
      this.emit('aborted');
    }
    if (code !== NGHTTP2_NO_ERROR) {
      this.destroy();
      return;
    }
    if (!this._ended) { this._ended = true; this.push(null); this.read(0); }
    if (!this._writableState.ending) this.end();
    if (this.readableEnded) {
      this._maybeDestroy(true);
    } else {
      this.once('end', () => this._maybeDestroy(true));
      // A server stream nobody reads is drained so that it can close.
      if (this._session._type === NGHTTP2_SESSION_SERVER && this._readableState.flowing === null) this.resume();
      else this.read(0);
    }
  }

  _maybeDestroy(force) {
    if (this.destroyed) return;
    if (force || (this._rstCode !== undefined && this.writableFinished && this.readableEnded)) {
      process.nextTick(() => { if (!this.destroyed) this.destroy(); });
    }
  }

  _read() { this._consumeAll(); }

  _write(chunk, encoding, cb) {
    if (this._id === undefined) { this._pendingWrites.push([chunk, cb]); return; }
    if (!this._sendReady()) return cb(new ERR_HTTP2_INVALID_STREAM());
    if (typeof chunk === 'string') chunk = Buffer.from(chunk, encoding);
    const session = this._session;
    const rv = session._handle.write(this._id, chunk);
    if (rv < 0) return cb(rv === -510 ? new ERR_HTTP2_INVALID_STREAM() : libError(rv));
    session._scheduleFlush();
    // Backpressure: the write completes once nghttp2 has framed enough of
    // the queue (the peer's flow-control window and the socket allow it).
    if (session._handle.queued(this._id) < this.writableHighWaterMark) return cb();
    this._heldWrite = cb;
    session._blocked.add(this);
  }

  _releaseWrite(err) {
    const session = this._session;
    if (!err && !session._destroyed && this._id !== undefined &&
        session._handle.queued(this._id) >= this.writableHighWaterMark) return;
    session._blocked.delete(this);
    const cb = this._heldWrite;
    this._heldWrite = null;
    if (cb) cb(err);
  }

  _sendReady() {
    return !this._session._destroyed;
  }

  _final(cb) {
    if (this._id === undefined) { this._pendingFinal = cb; return; }
    if (this._session._destroyed) return cb();
    if (this._endStreamSent) return cb();
    if (this._waitForTrailers) {
      this._trailersReady = true;
      this.emit('wantTrailers');
    }
    const trailers = this._trailers;
    if (trailers) this._sentTrailers = trailers.obj;
    this._session._handle.end(this._id, trailers ? trailers.list : undefined);
    this._session._scheduleFlush();
    cb();
  }

  sendTrailers(headers) {
    if (this.destroyed || this.closed) throw new ERR_HTTP2_INVALID_STREAM();
    if (this._sentTrailers || this._trailers) throw new ERR_HTTP2_TRAILERS_ALREADY_SENT();
    if (!this._trailersReady) throw new ERR_HTTP2_TRAILERS_NOT_READY();
    headers = Object.assign({ __proto__: null }, headers);
    const list = toHeaderList(headers, assertValidHeaders);
    this._trailers = { obj: headers, list };
  }

  priority() {}

  close(code = NGHTTP2_NO_ERROR, callback) {
    if (typeof code !== 'number') throw new ERR_INVALID_ARG_TYPE('code', 'number', code);
    if (callback !== undefined) this.once('close', callback);
    if (this.closed) return;
    this._rstCode = code;
    this._localClose = true;
    if (this._id !== undefined && !this._session._destroyed) {
      this._session._handle.rstStream(this._id, code);
      this._session._scheduleFlush();
    }
    if (!this._writableState.ending) { this._endStreamSent = true; this.end(); }
    if (code !== NGHTTP2_NO_ERROR) { this.destroy(); return; }
    if (!this._ended) { this._ended = true; this.push(null); }
    this._maybeDestroy(true);
  }

  _destroy(err, cb) {
    const session = this._session;
    if (this._timer) { clearTimeout(this._timer); this._timer = null; }
    let code = this._rstCode;
    if (code === undefined) {
      // As Node: no error resets with NO_ERROR, an error with INTERNAL_ERROR.
      code = err ? NGHTTP2_INTERNAL_ERROR : NGHTTP2_NO_ERROR;
      this._rstCode = code;
      if (this._id !== undefined && !session._destroyed) {
        session._handle.rstStream(this._id, code);
        session._scheduleFlush();
      }
    }
    if (!err && code !== NGHTTP2_NO_ERROR) {
      err = new ERR_HTTP2_STREAM_ERROR(nameForErrorCode[code] || code);
    }
    this._consumeAll();
    if (this._heldWrite) {
      session._blocked.delete(this);
      this._heldWrite = null; // the stream is going away with err
    }
    if (this._id !== undefined) session._streams.delete(this._id);
    session._pendingStreams.delete(this);
    session._maybeDestroy();
    cb(err);
  }
}

class ClientHttp2Stream extends Http2Stream {
  constructor(session, options) {
    super(session, {});
    this._waitForTrailers = !!options.waitForTrailers;
    this._gotResponse = false;
  }
}

class ServerHttp2Stream extends Http2Stream {
  constructor(session, id, headers) {
    super(session, {});
    this._id = id;
    this._requestHeaders = headers;
    this._headRequest = false;
  }

  get pushAllowed() { return false; }

  pushStream(headers, options, cb) {
    if (typeof options === 'function') cb = options;
    const err = new ERR_HTTP2_PUSH_DISABLED();
    if (typeof cb === 'function') process.nextTick(cb, err);
    else throw err;
  }

  additionalHeaders(headers) {
    if (this.destroyed || this.closed) throw new ERR_HTTP2_INVALID_STREAM();
    if (this._headersSent) throw new ERR_HTTP2_HEADERS_AFTER_RESPOND();
    headers = Object.assign({ __proto__: null }, headers);
    const status = headers[HTTP2_HEADER_STATUS];
    if (status !== undefined) {
      const s = status | 0;
      if (s === 101) throw new ERR_HTTP2_STATUS_101();
      if (s < 100 || s >= 200) throw new ERR_HTTP2_INVALID_INFO_STATUS(status);
    }
    const list = toHeaderList(headers, assertValidHeaders);
    this._session._handle.submitHeaders(this._id, list, false);
    this._sentInfoHeaders = this._sentInfoHeaders || [];
    this._sentInfoHeaders.push(headers);
    this._session._scheduleFlush();
  }

  respond(headers, options) {
    if (this.destroyed || this.closed) throw new ERR_HTTP2_INVALID_STREAM();
    if (this._headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    options = { ...options };
    headers = Object.assign({ __proto__: null }, headers);
    if (options.sendDate === undefined || options.sendDate) {
      if (headers[HTTP2_HEADER_DATE] === undefined) headers[HTTP2_HEADER_DATE] = utcDate();
    }
    let status = headers[HTTP2_HEADER_STATUS];
    if (status === undefined) status = headers[HTTP2_HEADER_STATUS] = 200;
    status |= 0;
    if (status < 200 || status > 599) throw new ERR_HTTP2_STATUS_INVALID(headers[HTTP2_HEADER_STATUS]);
    this._waitForTrailers = !!options.waitForTrailers;
    let endStream = !!options.endStream;
    if (status === 204 || status === 205 || status === 304 || this._headRequest) endStream = true;
    const list = toHeaderList(headers, assertValidHeaders);
    const rv = this._session._handle.submitResponse(this._id, list, endStream && !this._waitForTrailers);
    if (rv < 0) throw libError(rv);
    this._headersSent = true;
    this._sentHeaders = headers;
    if (endStream) {
      if (this._waitForTrailers) {
        // No body: trailers directly after the headers.
      } else {
        this._endStreamSent = true;
      }
      this.end();
    }
    this._session._scheduleFlush();
  }

  respondWithFD(fd, headers, options) {
    if (this.destroyed || this.closed) throw new ERR_HTTP2_INVALID_STREAM();
    if (this._headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    const fs = require('fs');
    options = { ...options };
    const st = fs.fstatSync(typeof fd === 'object' && fd !== null ? fd.fd : fd);
    if (st.isDirectory()) throw new ERR_HTTP2_SEND_FILE();
    this._respondWithData(fs.readFileSync(typeof fd === 'object' && fd !== null ? fd.fd : fd), st, headers, options);
  }

  respondWithFile(path, headers, options) {
    if (this.destroyed || this.closed) throw new ERR_HTTP2_INVALID_STREAM();
    if (this._headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    const fs = require('fs');
    options = { ...options };
    fs.stat(path, (err, st) => {
      if (!err && st.isDirectory()) err = new ERR_HTTP2_SEND_FILE();
      if (err) {
        if (typeof options.onError === 'function') { options.onError(err); return; }
        this.destroy(err);
        return;
      }
      fs.readFile(path, (err2, data) => {
        if (this.destroyed) return;
        if (err2) {
          if (typeof options.onError === 'function') { options.onError(err2); return; }
          this.destroy(err2);
          return;
        }
        this._respondWithData(data, st, headers, options);
      });
    });
  }

  _respondWithData(data, st, headers, options) {
    headers = Object.assign({ __proto__: null }, headers);
    if (typeof options.statCheck === 'function' && options.statCheck(st, headers, options) === false) return;
    const offset = options.offset > 0 ? options.offset : 0;
    let body = data.subarray(offset);
    if (options.length >= 0) body = body.subarray(0, options.length);
    if (headers['content-length'] === undefined) headers['content-length'] = body.length;
    this.respond(headers, { waitForTrailers: options.waitForTrailers, sendDate: options.sendDate });
    this.end(body);
  }
}

// ---- client connect ---------------------------------------------------------

function connect(authority, options, listener) {
  if (typeof options === 'function') { listener = options; options = undefined; }
  options = { ...options };
  if (typeof authority === 'string') authority = new URL(authority);
  else if (authority === null || typeof authority !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('authority', ['string', 'URL'], authority);
  }
  const protocol = authority.protocol || options.protocol || 'https:';
  const port = '' + (authority.port !== '' && authority.port !== undefined ? authority.port :
    (protocol === 'http:' ? 80 : 443));
  let host = 'localhost';
  if (authority.hostname) {
    host = authority.hostname;
    if (host[0] === '[') host = host.slice(1, -1);
  } else if (authority.host) {
    host = authority.host;
  }
  let socket;
  if (typeof options.createConnection === 'function') {
    socket = options.createConnection(authority, options);
  } else if (protocol === 'http:') {
    socket = net.connect({ port: +port, host, ...options.socketOptions, localAddress: options.localAddress });
  } else if (protocol === 'https:') {
    socket = tls.connect({
      ...options, port: +port, host, ALPNProtocols: ['h2'],
      servername: options.servername !== undefined ? options.servername : (net.isIP(host) ? undefined : host),
    });
  } else {
    throw new ERR_HTTP2_UNSUPPORTED_PROTOCOL(protocol);
  }
  const defaultPort = protocol === 'http:' ? '80' : '443';
  const hostHeader = (net.isIPv6(host) ? `[${host}]` : host) + (port === defaultPort ? '' : `:${port}`);
  const session = new ClientHttp2Session(options, socket, {
    host: hostHeader, scheme: protocol.slice(0, -1),
  });
  if (typeof listener === 'function') session.once('connect', listener);
  const ready = () => {
    if (session._destroyed) return;
    session._onConnected();
    session.emit('connect', session, socket);
  };
  const isTls = socket instanceof tls.TLSSocket;
  if (isTls) {
    if (socket.encrypted && socket.alpnProtocol) process.nextTick(ready);
    else socket.once('secureConnect', () => {
      if (socket.alpnProtocol !== 'h2') {
        session.destroy(new ERR_HTTP2_ERROR('protocol error')); // peer did not agree on h2
        return;
      }
      ready();
    });
  } else if (socket.connecting) {
    socket.once('connect', ready);
  } else {
    process.nextTick(ready);
  }
  return session;
}

// ---- servers ----------------------------------------------------------------

function setupSession(server, socket) {
  const options = server._h2options;
  const session = new ServerHttp2Session(options, socket, server);
  server._sessions.add(session);
  session.on('close', () => server._sessions.delete(session));
  session.on('stream', (stream, headers, flags, raw) => {
    server.emit('stream', stream, headers, flags, raw);
  });
  session.on('error', (err) => {
    if (server.listenerCount('sessionError')) server.emit('sessionError', err, session);
  });
  if (server._timeout) session.setTimeout(server._timeout, () => {
    if (!server.emit('timeout', session)) session.destroy();
  });
  server.emit('session', session);
}

function initServer(server, options, listener) {
  server._h2options = options;
  server._sessions = new Set();
  server._timeout = 0;
  if (typeof listener === 'function') server.on('request', listener);
  let compat = false;
  const setupCompat = (ev) => {
    if (ev !== 'request' || compat) return;
    compat = true;
    const { onServerStream } = require('internal/http2/compat');
    server.on('stream', (stream, headers, flags, raw) => onServerStream(server, options, stream, headers, raw));
  };
  server.on('newListener', setupCompat);
  if (server.listenerCount('request')) setupCompat('request');
}

const serverMethods = {
  setTimeout(msecs, cb) {
    this._timeout = msecs;
    if (cb) this.on('timeout', cb);
    return this;
  },
  get timeout() { return this._timeout; },
  set timeout(v) { this._timeout = v; },
  updateSettings(settings) {
    validateSettings(settings);
    this._h2options.settings = { ...this._h2options.settings, ...settings };
  },
};

class Http2Server extends net.Server {
  constructor(options, listener) {
    if (typeof options === 'function') { listener = options; options = {}; }
    options = { ...options };
    super({ allowHalfOpen: true });
    initServer(this, options, listener);
    this.on('connection', (socket) => setupSession(this, socket));
  }
}
for (const k of Object.keys(Object.getOwnPropertyDescriptors(serverMethods))) {
  Object.defineProperty(Http2Server.prototype, k, Object.getOwnPropertyDescriptor(serverMethods, k));
}

class Http2SecureServer extends tls.Server {
  constructor(options, listener) {
    if (typeof options === 'function') { listener = options; options = {}; }
    options = { ...options };
    super({ ...options, ALPNProtocols: options.allowHTTP1 ? ['h2', 'http/1.1'] : ['h2'] });
    initServer(this, options, listener);
    this.on('secureConnection', (socket) => {
      if (socket.alpnProtocol !== 'h2') {
        if (this.listenerCount('unknownProtocol')) this.emit('unknownProtocol', socket);
        else socket.destroy();
        return;
      }
      setupSession(this, socket);
    });
  }
}
for (const k of Object.keys(Object.getOwnPropertyDescriptors(serverMethods))) {
  Object.defineProperty(Http2SecureServer.prototype, k, Object.getOwnPropertyDescriptor(serverMethods, k));
}

// server.close() stops accepting connections only: as Node 20, open sessions
// stay until they are closed (http2session.close()) or their peer leaves.

function createServer(options, listener) { return new Http2Server(options, listener); }
function createSecureServer(options, listener) { return new Http2SecureServer(options, listener); }

function performServerHandshake(socket, options = {}) {
  return new ServerHttp2Session(options, socket, undefined);
}

module.exports = {
  connect, createServer, createSecureServer, performServerHandshake, getDefaultSettings,
  Http2Session, ClientHttp2Session, ServerHttp2Session, Http2Stream, ClientHttp2Stream,
  ServerHttp2Stream, Http2Server, Http2SecureServer, nameForErrorCode,
};
