'use strict';
// internal/http/server — http.Server and ServerResponse.
//
// Each connection gets an llhttp parser (internalBinding('http_parser')).
// Requests on one connection are answered in order: pipelined requests wait
// for the responses before them.  Keep-alive as Node 20: idle connections
// close after keepAliveTimeout (5 s); a head not complete within
// headersTimeout (60 s) or a request not done within requestTimeout (300 s)
// gets 408; heads over maxHeaderSize get 431; malformed requests 400 (or
// 'clientError').  'upgrade' and 'connect' hand over the raw socket;
// Expect: 100-continue answers 100 unless 'checkContinue' is handled.

const net = require('net');
const { HTTPParser } = internalBinding('http_parser');
const { TCP } = internalBinding('tcp_wrap');
const { Pipe } = internalBinding('pipe_wrap');
const { IncomingMessage } = require('internal/http/incoming');
const { OutgoingMessage, kHeaders } = require('internal/http/outgoing');
const { STATUS_CODES, headersFromRaw, codes } = require('internal/http/common');

function B() { return require('buffer').Buffer; }

class ServerResponse extends OutgoingMessage {
  constructor(req, options) {
    super();
    this.req = req;
    this.statusCode = 200;
    this.statusMessage = undefined;
    this.sendDate = true;
    this._sent100 = false;
    this._expect_continue = false;
    if (req.method === 'HEAD') this._hasBody = false;
    if (req.httpVersionMajor < 1 || (req.httpVersionMajor === 1 && req.httpVersionMinor === 0)) {
      this.useChunkedEncodingByDefault = /te/i.test(req.headers.te || '');
      this.shouldKeepAlive = false;
    }
  }
  writeHead(statusCode, reason, obj) {
    if (this._header) throw new (codes().ERR_HTTP_HEADERS_SENT)('write');
    statusCode |= 0;
    if (statusCode < 100 || statusCode > 999) throw new (codes().ERR_HTTP_INVALID_STATUS_CODE)(statusCode);
    if (typeof reason === 'string') this.statusMessage = reason;
    else { obj = reason; if (!this.statusMessage) this.statusMessage = STATUS_CODES[statusCode] || 'unknown'; }
    this.statusCode = statusCode;
    let headers;
    if (this._kHeaders() && obj) {
      if (Array.isArray(obj)) {
        for (let i = 0; i < obj.length; i += 2) this.setHeader(obj[i], obj[i + 1]);
      } else {
        for (const k of Object.keys(obj)) if (k) this.setHeader(k, obj[k]);
      }
      headers = this._kHeaders();
    } else if (obj) {
      headers = obj;
    } else {
      headers = this._kHeaders();
    }
    if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) this._hasBody = false;
    if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;
    const statusLine = `HTTP/1.1 ${statusCode} ${this.statusMessage}\r\n`;
    this._storeHeader(statusLine, headers);
    return this;
  }
  _kHeaders() { return this[kHeaders]; }
  _implicitHeader() { this.writeHead(this.statusCode); }
  writeContinue(cb) {
    this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', 'latin1', cb);
    this._sent100 = true;
  }
  writeProcessing(cb) { this._writeRaw('HTTP/1.1 102 Processing\r\n\r\n', 'latin1', cb); }
  writeEarlyHints(hints, cb) {
    let head = 'HTTP/1.1 103 Early Hints\r\n';
    for (const [k, v] of Object.entries(hints)) head += `${k}: ${Array.isArray(v) ? v.join(', ') : v}\r\n`;
    this._writeRaw(`${head}\r\n`, 'latin1', cb);
  }
  assignSocket(socket) {
    if (socket._httpMessage) throw new (codes().ERR_HTTP_SOCKET_ASSIGNED)();
    socket._httpMessage = this;
    this.socket = socket;
    this.emit('socket', socket);
    this._flushOutput(socket);
    if (this._pendingFinish) {
      const f = this._pendingFinish;
      this._pendingFinish = null;
      socket.write('', 'latin1', f);
    }
  }
  detachSocket(socket) {
    socket._httpMessage = null;
    this.socket = null;
  }
}

class Server extends net.Server {
  constructor(options, requestListener) {
    if (typeof options === 'function') { requestListener = options; options = {}; }
    options = options || {};
    super({ allowHalfOpen: true, noDelay: options.noDelay !== false, keepAlive: options.keepAlive });
    if (requestListener) this.on('request', requestListener);
    this.IncomingMessage = options.IncomingMessage || IncomingMessage;
    this.ServerResponse = options.ServerResponse || ServerResponse;
    this.maxHeaderSize = options.maxHeaderSize || 16384;
    this.timeout = 0;
    this.keepAliveTimeout = 5000;
    this.maxHeadersCount = null;
    this.maxRequestsPerSocket = 0;
    this.headersTimeout = options.headersTimeout ?? 60000;
    this.requestTimeout = options.requestTimeout ?? 300000;
    this.connectionsCheckingInterval = options.connectionsCheckingInterval ?? 30000;
    this.requireHostHeader = options.requireHostHeader !== false;
    this.joinDuplicateHeaders = !!options.joinDuplicateHeaders;
    this.rejectNonStandardBodyWrites = !!options.rejectNonStandardBodyWrites;
    this._conns = new Set();
    this.on('connection', (socket) => this._setupConnection(socket));
    this._checkTimer = null;
    this._keepAliveHeaderFor = -1;
    this._keepAliveHeader = '';
  }

  // "timeout=5" for Keep-Alive, made once per keepAliveTimeout value
  _keepAliveHeaderValue() {
    const t = this.keepAliveTimeout;
    if (t !== this._keepAliveHeaderFor) {
      this._keepAliveHeaderFor = t;
      this._keepAliveHeader = t ? `timeout=${Math.floor(t / 1000)}` : '';
    }
    return this._keepAliveHeader;
  }

  setTimeout(ms, cb) {
    this.timeout = ms;
    if (cb) this.on('timeout', cb);
    return this;
  }

  listen(...args) {
    if (!this._checkTimer && (this.headersTimeout > 0 || this.requestTimeout > 0)) {
      const every = Math.max(1, Math.min(this.connectionsCheckingInterval, this.headersTimeout || Infinity, this.requestTimeout || Infinity));
      this._checkTimer = setInterval(() => this._checkConnections(), every);
      this._checkTimer.unref();
      this.once('close', () => { clearInterval(this._checkTimer); this._checkTimer = null; });
    }
    return super.listen(...args);
  }

  // headersTimeout/requestTimeout: the parser knows since when the current
  // message (or, before the first, the connection) is being received.
  _checkConnections() {
    for (const st of this._conns) {
      if (st.timedOut) continue;
      let elapsed, headersDone;
      try { [elapsed, headersDone] = st.parser.timing(); } catch { continue; }
      if (elapsed < 0) continue;
      const headersLate = this.headersTimeout > 0 && !headersDone && elapsed > this.headersTimeout;
      const requestLate = this.requestTimeout > 0 && elapsed > this.requestTimeout;
      if (headersLate || requestLate) {
        st.timedOut = true;
        this._sendError(st.socket, 408);
      }
    }
  }

  _sendError(socket, code) {
    if (socket.destroyed) return;
    if (socket.writable && !socket._httpMessage) {
      socket.write(`HTTP/1.1 ${code} ${STATUS_CODES[code]}\r\nConnection: close\r\n\r\n`);
    }
    socket.destroy();
  }

  _setupConnection(socket) {
    const server = this;
    const parser = new HTTPParser(0);
    parser.setMaxHeaderSize(this.maxHeaderSize);
    // idleAt: when the last response finished (0 while a request is being
    // served); one keep-alive timer per connection, armed when it goes
    // idle and re-armed only if it fires early, so requests on a kept-alive
    // connection make no timer work.
    const st = {
      socket, parser, outgoing: [], incoming: [], requests: 0, idleAt: 0, keepAliveTimer: null,
      upgradeReq: null, timedOut: false,
    };
    this._conns.add(st);
    socket.parser = parser;
    socket._httpState = st;
    if (this.timeout) socket.setTimeout(this.timeout);
    socket.on('timeout', () => {
      const req = st.incoming[0];
      const res = socket._httpMessage;
      let handled = false;
      if (req && req.listenerCount('timeout')) { req.emit('timeout', socket); handled = true; }
      if (res && res.listenerCount('timeout')) { res.emit('timeout', socket); handled = true; }
      if (server.listenerCount('timeout')) { server.emit('timeout', socket); handled = true; }
      if (!handled) socket.destroy();
    });

    // The parser reads the socket's handle itself (parser.consume) when it
    // is a libuv stream; then `consumed` is true, nothing goes through the
    // socket's 'data' and bytesRead/timeouts are kept up here.
    let consumed = false;

    const onKeepAliveTimer = () => {
      st.keepAliveTimer = null;
      if (st.idleAt === 0 || socket.destroyed) return;
      const left = st.idleAt + server.keepAliveTimeout - Date.now();
      if (left > 0) {
        st.keepAliveTimer = setTimeout(onKeepAliveTimer, left);
        st.keepAliveTimer.unref();
      } else {
        socket.destroy();
      }
    };

    const messageComplete = (req) => {
      req.complete = true;
      req.push(null);
    };

    parser.onHeadersComplete = (major, minor, raw, method, url, statusCode, statusMessage, upgrade, keepAlive,
      complete, bytesRead) => {
      if (consumed) {
        socket.bytesRead = bytesRead;
        if (socket._timeoutMs > 0) socket._touch();
      }
      st.idleAt = 0;
      const req = new server.IncomingMessage(socket);
      req.httpVersionMajor = major;
      req.httpVersionMinor = minor;
      req.httpVersion = major === 1 && minor === 1 ? '1.1' : `${major}.${minor}`;
      req.rawHeaders = raw;
      req.method = method;
      req.url = url;
      req.upgrade = upgrade || method === 'CONNECT';
      st.incoming.push(req);
      if (req.upgrade) {
        st.upgradeReq = req;
        return 2;
      }
      st.requests++;
      const res = new server.ServerResponse(req);
      res.shouldKeepAlive = keepAlive;
      res._keepAliveHeader = server._keepAliveHeaderValue();
      if (server.maxRequestsPerSocket > 0 && st.requests >= server.maxRequestsPerSocket) res.shouldKeepAlive = false;
      res._onFinishHook = onResFinish;
      if (socket._httpMessage) st.outgoing.push(res);
      else res.assignSocket(socket);
      let hasExpect = false;
      for (let i = 0; i < raw.length; i += 2) {
        const name = raw[i];
        if (name.length === 6 && name.toLowerCase() === 'expect') { hasExpect = true; break; }
      }
      if (hasExpect && major === 1 && minor >= 1) {
        if (/^100-continue$/i.test(req.headers.expect)) {
          res._expect_continue = true;
          if (server.listenerCount('checkContinue') > 0) server.emit('checkContinue', req, res);
          else { res.writeContinue(); server.emit('request', req, res); }
        } else if (server.listenerCount('checkExpectation') > 0) {
          server.emit('checkExpectation', req, res);
        } else {
          res.writeHead(417);
          res.end();
        }
      } else {
        server.emit('request', req, res);
      }
      // a request without a body is complete now (the parser then makes
      // no onMessageComplete call)
      if (complete) messageComplete(req);
      return 0;
    };
    parser.onBody = (chunk, bytesRead) => {
      if (consumed) {
        socket.bytesRead = bytesRead;
        if (socket._timeoutMs > 0) socket._touch();
      }
      const req = st.incoming[st.incoming.length - 1];
      if (req && !req._dumped) {
        const buf = B().from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        if (!req.push(buf)) { socket._httpPaused = true; socket.pause(); }
      }
    };
    parser.onMessageComplete = () => {
      const req = st.incoming[st.incoming.length - 1];
      if (req) messageComplete(req);
    };
    // consumed: a read that made no other call, a parse error or an upgrade
    parser.onExecute = (ret, bytes, bytesRead) => {
      socket.bytesRead = bytesRead;
      if (socket._timeoutMs > 0) socket._touch();
      if (typeof ret === 'number' && bytes === undefined) return;
      afterExecute(ret, B().from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0);
    };
    // async_hooks: the parser's callbacks run in an HTTPINCOMINGMESSAGE resource
    const asyncHooks = require('internal/async_hooks');
    asyncHooks.parserResource(parser, 'HTTPINCOMINGMESSAGE', socket._handle ? asyncHooks.handleId(socket._handle) : undefined, socket);

    const onResFinish = (res) => {
      const req = res.req;
      const i = st.incoming.indexOf(req);
      if (i !== -1) st.incoming.splice(i, 1);
      if (!req.readableEnded && !req._consuming) req._dump();
      res.detachSocket(socket);
      req.emit('close');
      res._closeAfterFinish = true; // 'close' after the 'finish' listeners, as Node
      if (res._last || !res.shouldKeepAlive) {
        if (socket.writable) socket.destroySoon(); else socket.destroy();
        return;
      }
      const next = st.outgoing.shift();
      if (next) { next.assignSocket(socket); return; }
      if (server.keepAliveTimeout > 0 && !socket.destroyed) {
        st.idleAt = Date.now();
        if (st.keepAliveTimer === null) {
          st.keepAliveTimer = setTimeout(onKeepAliveTimer, server.keepAliveTimeout);
          st.keepAliveTimer.unref();
        }
      }
      if (server._closing) socket.destroy();
    };

    // What follows a parse: an Error (400/431 or 'clientError'), or the
    // bytes after an upgrade's head.  `data` is the chunk parsed and r
    // where in it parsing stopped.
    const afterExecute = (r, data, offset) => {
      if (r instanceof Error) {
        if (!consumed) socket.removeListener('data', onData);
        const code = r.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
        r.rawPacket = data;
        if (server.listenerCount('clientError') > 0) server.emit('clientError', r, socket);
        else server._sendError(socket, code);
        return;
      }
      if (st.upgradeReq) {
        const req = st.upgradeReq;
        st.upgradeReq = null;
        if (consumed) {
          consumed = false;
          parser.unconsume();
        } else {
          socket.removeListener('data', onData);
        }
        socket.removeListener('end', onEnd);
        const head = data.subarray(offset);
        const event = req.method === 'CONNECT' ? 'connect' : 'upgrade';
        this._conns.delete(st);
        if (server.listenerCount(event) > 0) {
          req.complete = true;
          socket.parser = null;
          parser.close();
          // the socket reads by itself again (the parser had taken over)
          if (socket._reading === true && !socket.destroyed) { socket._reading = false; socket._startReading(); }
          server.emit(event, req, socket, B().from(head));
        } else {
          socket.destroy();
        }
      }
    };

    const onData = (data) => {
      const r = parser.execute(data);
      if (r instanceof Error || st.upgradeReq) afterExecute(r, data, r);
    };
    const onEnd = () => {
      const r = parser.finish();
      if (r instanceof Error && server.listenerCount('clientError')) server.emit('clientError', r, socket);
      if (!socket._httpMessage && socket.writable) socket.end();
    };
    const handle = socket._handle;
    if ((handle instanceof TCP || handle instanceof Pipe) && socket._reading === true && parser.consume(handle)) {
      consumed = true;
      // the request body's backpressure pauses the socket: stop reading
      socket.on('pause', () => { if (consumed) parser.readStop(); });
      socket.on('resume', () => { if (consumed) parser.readStart(); });
    } else {
      socket.on('data', onData);
    }
    socket.on('end', onEnd);
    socket.on('drain', () => { if (socket._httpMessage) socket._httpMessage.emit('drain'); });
    socket.on('error', (err) => {
      if (server.listenerCount('clientError') > 0) server.emit('clientError', err, socket);
      else socket.destroy();
    });
    socket.on('close', () => {
      this._conns.delete(st);
      if (st.keepAliveTimer) { clearTimeout(st.keepAliveTimer); st.keepAliveTimer = null; }
      for (const req of st.incoming) {
        if (!req.complete) { req.aborted = true; req.emit('aborted'); }
        req.emit('close');
      }
      const res = socket._httpMessage;
      if (res && !res._finishEmitted) { res.destroyed = true; res.emit('close'); }
      for (const r of st.outgoing) r.emit('close');
      consumed = false;
      try { parser.close(); } catch {}
    });
  }

  closeAllConnections() {
    for (const st of this._conns) st.socket.destroy();
  }
  closeIdleConnections() {
    for (const st of this._conns) {
      if (!st.socket._httpMessage && st.incoming.length === 0) st.socket.destroy();
    }
  }
  close(cb) {
    super.close(cb);
    this.closeIdleConnections();
    return this;
  }
}

function createServer(options, listener) { return new Server(options, listener); }

module.exports = { Server, ServerResponse, createServer };
