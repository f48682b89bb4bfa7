'use strict';
// internal/http/client — http.ClientRequest and http.Agent.
//
// A request takes a socket from its agent (a pooled keep-alive socket for the
// same host:port when there is one, a new connection otherwise, at most
// maxSockets per origin with the rest queued), writes its head and body,
// parses the response with llhttp and emits 'response' with an
// IncomingMessage.  After a complete response a keep-alive socket returns to
// the pool (unref'd, closed after the agent's timeout).  Node 20's
// globalAgent keeps connections alive.

const EventEmitter = require('events');
const net = require('net');
const { HTTPParser } = internalBinding('http_parser');
const { IncomingMessage } = require('internal/http/incoming');
const { OutgoingMessage, kHeaders } = require('internal/http/outgoing');
const { headersFromRaw, checkIsHttpToken, codes } = require('internal/http/common');

function B() { return require('buffer').Buffer; }

class Agent extends EventEmitter {
  constructor(options = {}) {
    super();
    this.options = { path: null, ...options };
    this.keepAlive = !!options.keepAlive;
    this.keepAliveMsecs = options.keepAliveMsecs || 1000;
    this.maxSockets = options.maxSockets || Infinity;
    this.maxFreeSockets = options.maxFreeSockets || 256;
    this.maxTotalSockets = options.maxTotalSockets || Infinity;
    this.timeout = options.timeout;
    this.scheduling = options.scheduling || 'lifo';
    this.defaultPort = 80;
    this.protocol = 'http:';
    this.requests = { __proto__: null };
    this.sockets = { __proto__: null };
    this.freeSockets = { __proto__: null };
    this.totalSocketCount = 0;
  }
  getName(options = {}) {
    let name = options.host || 'localhost';
    name += ':';
    if (options.port) name += options.port;
    name += ':';
    if (options.localAddress) name += options.localAddress;
    if (options.family === 4 || options.family === 6) name += `:${options.family}`;
    return name;
  }
  createConnection(options, cb) {
    const s = net.connect(options);
    if (cb) s.once('connect', () => cb(null, s));
    return s;
  }
  addRequest(req, options) {
    // the agent's own options (e.g. new https.Agent({ rejectUnauthorized:
    // false })) apply to its connections and name its pool, as in Node
    options = { ...options, ...this.options };
    const name = this.getName(options);
    const free = this.freeSockets[name];
    if (free && free.length) {
      const socket = this.scheduling === 'lifo' ? free.pop() : free.shift();
      if (!free.length) delete this.freeSockets[name];
      socket.ref();
      if (socket._agentIdleTimer) { clearTimeout(socket._agentIdleTimer); socket._agentIdleTimer = null; }
      (this.sockets[name] ||= []).push(socket);
      req.reusedSocket = true;
      req.onSocket(socket);
      return;
    }
    const active = (this.sockets[name] || []).length;
    if (active >= this.maxSockets || this.totalSocketCount >= this.maxTotalSockets) {
      (this.requests[name] ||= []).push([req, options]);
      return;
    }
    this._create(req, options, name);
  }
  _create(req, options, name) {
    const socket = this.createConnection({ ...options, host: options.host || 'localhost', port: options.port || this.defaultPort });
    this.totalSocketCount++;
    (this.sockets[name] ||= []).push(socket);
    socket._agentName = name;
    socket.once('close', () => this._removeSocket(socket, name));
    req.onSocket(socket);
  }
  _detach(socket) {
    const name = socket._agentName;
    const list = this.sockets[name];
    const i = list ? list.indexOf(socket) : -1;
    if (i === -1) return;
    list.splice(i, 1);
    if (!list.length) delete this.sockets[name];
    this.totalSocketCount--;
    this._next(name);
  }
  _removeSocket(socket, name) {
    for (const set of [this.sockets, this.freeSockets]) {
      const list = set[name];
      if (!list) continue;
      const i = list.indexOf(socket);
      if (i !== -1) { list.splice(i, 1); this.totalSocketCount--; }
      if (!list.length) delete set[name];
    }
    this._next(name);
  }
  _next(name) {
    const q = this.requests[name];
    if (!q || !q.length) return;
    const [req, options] = q.shift();
    if (!q.length) delete this.requests[name];
    this.addRequest(req, options);
  }
  // A response completed on socket: keep it or close it.
  _release(socket, keep) {
    const name = socket._agentName;
    const list = this.sockets[name];
    const waiting = this.requests[name] && this.requests[name].length;
    if (keep && this.keepAlive && !socket.destroyed && waiting) {
      const [req, options] = this.requests[name].shift();
      if (!this.requests[name].length) delete this.requests[name];
      req.reusedSocket = true;
      req.onSocket(socket);
      return;
    }
    if (keep && this.keepAlive && !socket.destroyed &&
        (this.freeSockets[name] || []).length < this.maxFreeSockets) {
      if (list) { const i = list.indexOf(socket); if (i !== -1) list.splice(i, 1); if (!list.length) delete this.sockets[name]; }
      (this.freeSockets[name] ||= []).push(socket);
      socket.unref();
      socket.setKeepAlive(true, this.keepAliveMsecs);
      const ms = this.timeout || 5000;
      socket._agentIdleTimer = setTimeout(() => socket.destroy(), ms);
      socket._agentIdleTimer.unref();
      this.emit('free', socket, {});
      return;
    }
    socket.destroy();
  }
  keepSocketAlive() { return true; }
  reuseSocket() {}
  destroy() {
    for (const set of [this.sockets, this.freeSockets]) {
      for (const name of Object.keys(set)) for (const s of set[name].slice()) s.destroy();
    }
  }
}

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

function urlToOptions(url) {
  return {
    protocol: url.protocol,
    hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash, search: url.search, pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
    port: url.port !== '' ? Number(url.port) : undefined,
    auth: url.username || url.password ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : undefined,
  };
}

class ClientRequest extends OutgoingMessage {
  constructor(input, options, cb) {
    super();
    if (typeof input === 'string') {
      input = urlToOptions(new URL(input));
    } else if (input && typeof input === 'object' && typeof input.href === 'string' && input.searchParams) {
      input = urlToOptions(input);
    } else {
      cb = options; options = input; input = null;
    }
    if (typeof options === 'function') { cb = options; options = {}; }
    options = { ...input, ...options };
    let agent = options.agent;
    if (agent === false) agent = new (options._defaultAgent || globalAgent).constructor();
    else if (agent === undefined || agent === null) agent = options._defaultAgent || globalAgent;
    this.agent = agent;
    // The expected protocol is the agent's (https.request passes its own
    // default agent), as Node.
    const expected = agent.protocol || (options._defaultAgent || globalAgent).protocol || 'http:';
    const protocol = options.protocol || expected;
    if (protocol !== expected) throw new (codes().ERR_INVALID_PROTOCOL)(protocol, expected);
    const defaultPort = options.defaultPort || agent.defaultPort || 80;
    this.port = options.port || defaultPort;
    this.host = options.hostname || options.host || 'localhost';
    if (this.host.startsWith('[') && this.host.endsWith(']')) this.host = this.host.slice(1, -1);
    this.method = (options.method || 'GET').toUpperCase();
    if (!checkIsHttpToken(this.method)) throw new (codes().ERR_INVALID_HTTP_TOKEN)('Method', this.method);
    this.path = options.path || '/';
    if (/[\u0000-\u0020]/.test(this.path)) throw new (codes().ERR_UNESCAPED_CHARACTERS)('Request path');
    this.protocol = protocol;
    this.timeout = options.timeout;
    this.aborted = false;
    this.reusedSocket = false;
    this.res = null;
    this.maxHeaderSize = options.maxHeaderSize || 16384;
    this.useChunkedEncodingByDefault = !['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT'].includes(this.method);
    this.shouldKeepAlive = !!agent.keepAlive;
    if (cb) this.once('response', cb);
    if (options.headers) {
      const h = options.headers;
      if (Array.isArray(h)) for (let i = 0; i < h.length; i += 2) this.setHeader(h[i], h[i + 1]);
      else for (const k of Object.keys(h)) this.setHeader(k, h[k]);
    }
    if (!this.hasHeader('host') && options.setHost !== false) {
      let hostHeader = this.host.includes(':') ? `[${this.host}]` : this.host;
      if (+this.port !== +defaultPort) hostHeader += `:${this.port}`;
      this.setHeader('Host', hostHeader);
    }
    if (options.auth && !this.hasHeader('authorization')) {
      this.setHeader('Authorization', `Basic ${B().from(options.auth).toString('base64')}`);
    }
    if (options.timeout !== undefined) this.setTimeout(options.timeout);
    // Every option goes to the agent's createConnection (TLS options for
    // https), except those that mean something else to net.connect.
    const connOpts = { ...options, host: this.host, port: this.port, family: options.family, localAddress: options.localAddress };
    for (const k of ['path', 'headers', 'agent', 'timeout', 'method', 'createConnection', '_defaultAgent']) delete connOpts[k];
    if (options.servername === undefined && !net.isIP(this.host)) connOpts.servername = this.host;
    if (options.socketPath) connOpts.path = options.socketPath;
    if (options.createConnection) {
      const s = options.createConnection(connOpts);
      process.nextTick(() => this.onSocket(s));
    } else if (options.socketPath) {
      process.nextTick(() => this.onSocket(net.connect(options.socketPath)));
    } else {
      agent.addRequest(this, connOpts);
    }
  }

  _implicitHeader() {
    if (this._header) throw new (codes().ERR_HTTP_HEADERS_SENT)('render');
    this._storeHeader(`${this.method} ${this.path} HTTP/1.1\r\n`, this[kHeaders]);
  }

  abort() {
    if (this.aborted) return;
    this.aborted = true;
    process.nextTick(() => this.emit('abort'));
    this.destroy();
  }

  onSocket(socket) {
    process.nextTick(() => this._attach(socket));
  }

  _attach(socket) {
    if (this.destroyed) {
      socket.destroy();
      this._emitErrorClose(new (require('internal/errors').codes.ERR_STREAM_DESTROYED || Error)('socket hang up'));
      return;
    }
    this.socket = socket;
    socket._httpMessage = this;
    this.emit('socket', socket);
    const parser = new HTTPParser(1);
    parser.setMaxHeaderSize(this.maxHeaderSize);
    let res = null;
    let gotResponse = false;
    parser.onHeadersComplete = (major, minor, raw, method, url, statusCode, statusMessage, upgrade, keepAlive) => {
      res = new IncomingMessage(socket);
      res.httpVersionMajor = major;
      res.httpVersionMinor = minor;
      res.httpVersion = `${major}.${minor}`;
      res.rawHeaders = raw;
      res.headers = headersFromRaw(raw);
      res.statusCode = statusCode;
      res.statusMessage = statusMessage;
      res.req = this;
      if (statusCode >= 100 && statusCode < 200 && statusCode !== 101) {
        if (statusCode === 100) this.emit('continue');
        else this.emit('information', { statusCode, statusMessage, httpVersion: res.httpVersion, headers: res.headers, rawHeaders: raw });
        res = null;
        return 1;
      }
      this._keepAlive = keepAlive && this.shouldKeepAlive;
      if (upgrade || this.method === 'CONNECT') {
        // llhttp still calls onMessageComplete for the 101/CONNECT head:
        // that must not release the socket to the agent (which closed it,
        // or pooled and unref'd it under the new protocol)
        this._upgradeRes = res;
        res = null;
        return 2;
      }
      gotResponse = true;
      this.res = res;
      const handled = this.emit('response', res);
      if (!handled) res._dump();
      return this.method === 'HEAD' ? 1 : 0;
    };
    parser.onBody = (chunk) => {
      if (res && !res._dumped && !res.push(B().from(chunk.buffer, chunk.byteOffset, chunk.byteLength))) {
        // the response's buffer is full: stop reading the socket until the
        // response is read (IncomingMessage resumes it), as Node's readStop
        socket._httpPaused = true;
        socket.pause();
      }
    };
    parser.onMessageComplete = () => {
      if (!res) return;
      const r = res;
      res = null;
      r.complete = true;
      r.push(null);
      cleanup();
      const keep = !!this._keepAlive;
      const release = () => {
        socket._httpMessage = null;
        parser.close();
        if (this.agent && this.agent._release) this.agent._release(socket, keep);
        else socket.destroy();
        this.emit('close');
      };
      // The socket is back in the pool before 'end' reaches the response's
      // listeners, so the next request can reuse it (as Node).
      if (this.writableFinished) release();
      else this.once('finish', release);
    };
    // async_hooks: the parser's callbacks run in an HTTPCLIENTREQUEST resource
    require('internal/async_hooks').parserResource(parser, 'HTTPCLIENTREQUEST', undefined, this);
    const onData = (data) => {
      const r = parser.execute(data);
      if (r instanceof Error) {
        cleanup();
        socket.destroy();
        this._emitErrorClose(r);
        return;
      }
      if (this._upgradeRes) {
        const ures = this._upgradeRes;
        this._upgradeRes = null;
        cleanup();
        socket._httpMessage = null;
        parser.close();
        // the socket leaves the agent (Node's 'agentRemove'): no longer counted
        // against maxSockets, never pooled
        if (this.agent && this.agent._detach) this.agent._detach(socket);
        const event = this.method === 'CONNECT' ? 'connect' : 'upgrade';
        const head = B().from(data.subarray(r));
        if (this.listenerCount(event)) this.emit(event, ures, socket, head);
        else socket.destroy();
        this.emit('close');
      }
    };
    const onEnd = () => {
      parser.finish();
      if (res) { res.complete = false; res.push(null); }
    };
    const onClose = () => {
      cleanup();
      if (res && !res.complete) {
        res.aborted = true;
        res.emit('aborted');
        const e = new Error('aborted');
        e.code = 'ECONNRESET';
        res.destroy(e);
      }
      parser.close(); // the socket is gone: the native parser with it (closing twice is a no-op)
      if (!gotResponse && !this._upgradeRes) {
        const e = new Error('socket hang up');
        e.code = 'ECONNRESET';
        this._emitErrorClose(e);
      } else if (!this._closeEmitted && socket._httpMessage === this) {
        // a response cut short (req.destroy(), res.destroy() or the socket
        // destroyed mid-body) still ends the request with 'close', as Node
        this._closeEmitted = true;
        this.emit('close');
      }
    };
    const onError = (err) => {
      cleanup();
      parser.close();
      this._emitErrorClose(err);
    };
    const cleanup = () => {
      socket.removeListener('data', onData);
      socket.removeListener('end', onEnd);
      socket.removeListener('close', onClose);
      socket.removeListener('error', onError);
    };
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('close', onClose);
    socket.on('error', onError);
    socket.on('drain', () => { if (socket._httpMessage === this) this.emit('drain'); });
    if (this.timeout !== undefined) socket.setTimeout(this.timeout, () => this.emit('timeout'));
    else if (this.agent && this.agent.options && this.agent.options.timeout) {
      // the agent's timeout (5 s for the global agent) is its sockets'; the
      // request reports it, as Node's listenSocketTimeout
      const onTimeout = () => { if (socket._httpMessage === this) this.emit('timeout'); };
      socket.once('timeout', onTimeout);
      this.once('close', () => socket.removeListener('timeout', onTimeout));
    }
    this._flushOutput(socket);
    if (this._pendingFinish) {
      const f = this._pendingFinish;
      this._pendingFinish = null;
      socket.write('', 'latin1', f);
    }
  }

  _emitErrorClose(err) {
    if (this._closeEmitted) return;
    this._closeEmitted = true;
    if (!this.aborted || this.listenerCount('error')) this.emit('error', err);
    this.emit('close');
  }

  destroy(err) {
    if (this.destroyed) return this;
    this.destroyed = true;
    if (this.res) this.res.destroy(err);
    if (this.socket) this.socket.destroy(err);
    else {
      const e = err || Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      process.nextTick(() => this._emitErrorClose(e));
    }
    return this;
  }

  setNoDelay(v) { if (this.socket) this.socket.setNoDelay(v); else this.once('socket', (s) => s.setNoDelay(v)); }
  setSocketKeepAlive(e, d) { if (this.socket) this.socket.setKeepAlive(e, d); else this.once('socket', (s) => s.setKeepAlive(e, d)); }
}

module.exports = { Agent, globalAgent, ClientRequest, urlToOptions };
