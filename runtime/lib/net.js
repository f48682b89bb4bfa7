'use strict';
// net — TCP and Unix-domain-socket clients and servers on libuv
// (internalBinding('tcp_wrap'), internalBinding('pipe_wrap')), as Node 20
// documents them: net.Socket (a Duplex), net.Server, connect/createConnection,
// createServer, isIP*, with Node's error shapes (EADDRINUSE, ECONNREFUSED with
// errno, code, syscall, address, port).

const EventEmitter = require('events');
const { Duplex } = require('stream');
const { TCP } = internalBinding('tcp_wrap');
const { Pipe } = internalBinding('pipe_wrap');
require('internal/async_hooks').instrumentStreamHandles(); // TCPWRAP, PIPEWRAP... for async_hooks
const dnsb = internalBinding('dns');
const { errnoException } = internalBinding('errors');

function codes() { return require('internal/net/errors'); }
function B() { return require('buffer').Buffer; }

function isIP(s) { return typeof s === 'string' ? dnsb.isIP(s) : 0; }
function isIPv4(s) { return isIP(s) === 4; }
function isIPv6(s) { return isIP(s) === 6; }

// Node's two shapes: "connect ECONNREFUSED 127.0.0.1:80" and, for listen,
// "listen EADDRINUSE: address already in use 127.0.0.1:80".
function exceptionWithHostPort(err, syscall, address, port) {
  const e = errnoException(err, syscall);
  let details = address;
  if (port !== undefined && port !== null) details += `:${port}`;
  if (address !== undefined && syscall === 'listen') {
    e.message = `${syscall} ${e.code}: ${internalBinding('errors').errMessage(err)} ${details}`;
  } else if (address !== undefined) e.message = `${syscall} ${e.code} ${details}`;
  if (address !== undefined) e.address = address;
  if (port !== undefined && port !== null) e.port = port;
  return e;
}

function lookup(host, family, cb) {
  const ipv = isIP(host);
  if (ipv) { process.nextTick(cb, null, host, ipv); return; }
  const r = dnsb.getaddrinfo(host, family || 0, 0, (err, list) => {
    if (err || list.length === 0) {
      const e = errnoException(err || -3008, 'getaddrinfo');
      e.message = `getaddrinfo ${e.code} ${host}`;
      e.hostname = host;
      cb(e);
      return;
    }
    cb(null, list[0].address, list[0].family);
  });
  if (r < 0) process.nextTick(cb, errnoException(r, 'getaddrinfo'));
}

const kLastWriteQueueSize = Symbol('lastWriteQueueSize');

class Socket extends Duplex {
  constructor(options = {}) {
    if (typeof options === 'number') options = { fd: options };
    super({
      allowHalfOpen: !!options.allowHalfOpen,
      emitClose: false,
      autoDestroy: true,
      decodeStrings: false,
      readable: options.readable !== false,
      writable: options.writable !== false,
    });
    this.allowHalfOpen = !!options.allowHalfOpen;
    this._handle = options.handle || null;
    this.connecting = false;
    this._hadError = false;
    this._host = null;
    this._pendingData = null;
    this._reading = false;
    this._timeoutMs = 0;
    this._timer = null;
    this.bytesRead = 0;
    this._bytesDispatched = 0;
    this.server = null;
    this._server = null;
    this[kLastWriteQueueSize] = 0;
    if (typeof options.fd === 'number') {
      const h = new Pipe(false);
      h.open(options.fd);
      this._handle = h;
    }
    // Without allowHalfOpen the writable side ends after 'end' (on the next
    // tick, so an 'end' listener may still write its last words).
    this.on('end', () => {
      if (!this.allowHalfOpen) process.nextTick(() => { if (!this.writableEnded) this.end(); });
    });
    // A connected handle starts reading at once, so that EOF is seen even
    // when nobody consumes the data (as Node's read(0)).
    if (this._handle && options.readable !== false && !options.pauseOnCreate) this.read(0);
  }

  get pending() { return !this._handle || this.connecting; }
  get readyState() {
    if (this.connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable && !this.writable) return 'readOnly';
    if (!this.readable && this.writable) return 'writeOnly';
    return 'closed';
  }
  get bytesWritten() { return this._bytesDispatched; }
  get bufferSize() { return this._handle ? this._handle.writeQueueSize() + this.writableLength : 0; }
  get localAddress() { return this._sockname().address; }
  get localPort() { return this._sockname().port; }
  get localFamily() { return this._sockname().family; }
  get remoteAddress() { return this._peername().address; }
  get remotePort() { return this._peername().port; }
  get remoteFamily() { return this._peername().family; }
  _sockname() {
    if (!this._handle || !this._handle.getsockname) return {};
    const r = this._handle.getsockname();
    return typeof r === 'object' && r ? r : { address: r };
  }
  _peername() {
    if (!this._handle || !this._handle.getpeername) return {};
    return this._handle.getpeername() || {};
  }
  address() { return this._sockname(); }

  connect(...args) {
    let options = {};
    let cb;
    if (args[0] !== null && typeof args[0] === 'object') {
      options = args[0];
      cb = args[1];
    } else if (typeof args[0] === 'string' && isNaN(+args[0])) {
      options = { path: args[0] };
      cb = args[1];
    } else {
      options = { port: args[0] };
      if (typeof args[1] === 'string') { options.host = args[1]; cb = args[2]; } else cb = args[1];
    }
    if (typeof cb === 'function') this.once('connect', cb);
    if (this.destroyed) {
      this._readableState.destroyed = this._writableState.destroyed = false;
    }
    this.connecting = true;
    if (options.path) {
      this._handle = new Pipe(false);
      this._handle.connect(options.path, (status) => this._afterConnect(status, options.path));
      return this;
    }
    let port = options.port;
    if (typeof port === 'string' && port.trim() !== '') port = +port;
    if (typeof port !== 'number' || !(port >= 0 && port < 65536) || !Number.isInteger(port)) {
      throw new (codes().ERR_SOCKET_BAD_PORT)('Port', options.port);
    }
    const host = options.host || 'localhost';
    this._host = host;
    lookup(host, options.family, (err, ip, family) => {
      this.emit('lookup', err, ip, family, host);
      if (!this.connecting) return;
      if (err) { this.destroy(err); return; }
      this._handle = new TCP();
      if (options.noDelay) this._handle.setNoDelay(true);
      const r = this._handle.connect(ip, port, (status) => this._afterConnect(status, ip, port));
      if (r < 0) this.destroy(exceptionWithHostPort(r, 'connect', ip, port));
    });
    return this;
  }

  _afterConnect(status, address, port) {
    if (this.destroyed) return;
    this.connecting = false;
    if (status < 0) {
      this.destroy(exceptionWithHostPort(status, 'connect', address, port));
      return;
    }
    this.emit('connect');
    this.emit('ready');
    if (this.readable && !this.isPaused()) this.read(0);
    if (this._pendingData) {
      const p = this._pendingData;
      this._pendingData = null;
      for (const [chunk, encoding, cb] of p) this._write(chunk, encoding, cb);
    }
    if (this._pendingFinal) { const cb = this._pendingFinal; this._pendingFinal = null; this._final(cb); }
  }

  _startReading() {
    if (this._reading || !this._handle || this.connecting) return;
    this._reading = true;
    const r = this._handle.readStart((chunk) => {
      if (chunk === null) {
        this._reading = false;
        this.push(null);
        this.read(0); // 'end' even if nobody reads (as Node's onStreamRead)
        return;
      }
      if (chunk instanceof Error) { this.destroy(chunk); return; }
      this.bytesRead += chunk.byteLength;
      this._touch();
      const buf = B().from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      if (!this.push(buf)) {
        this._reading = false;
        if (this._handle) this._handle.readStop();
      }
    });
    if (r < 0) { this._reading = false; this.destroy(errnoException(r, 'read')); }
  }

  _read() {
    if (this.connecting || !this._handle) { this.once('connect', () => this._read()); return; }
    this._startReading();
  }

  _write(chunk, encoding, cb) {
    if (this.connecting || !this._handle) {
      (this._pendingData ||= []).push([chunk, encoding, cb]);
      return;
    }
    const data = typeof chunk === 'string' ? B().from(chunk, encoding) : chunk;
    this._touch();
    const r = this._handle.write(data, (err) => {
      if (err) { cb(err); return; }
      cb();
    });
    if (r < 0) { cb(errnoException(r, 'write')); return; }
    this._bytesDispatched += data.length;
    if (r === 1) cb(); // written at once: no callback from the handle
  }

  _writev(chunks, cb) {
    if (this.connecting || !this._handle) {
      for (const { chunk, encoding } of chunks) (this._pendingData ||= []).push([chunk, encoding, () => {}]);
      cb();
      return;
    }
    const list = chunks.map(({ chunk, encoding }) => (typeof chunk === 'string' ? B().from(chunk, encoding) : chunk));
    this._touch();
    const r = this._handle.write(list, (err) => cb(err || undefined));
    if (r < 0) { cb(errnoException(r, 'write')); return; }
    for (const b of list) this._bytesDispatched += b.length;
    if (r === 1) cb(); // written at once
  }

  _final(cb) {
    if (this.connecting || !this._handle) { this._pendingFinal = cb; return; }
    const r = this._handle.shutdown(() => cb());
    if (r < 0) cb();
  }

  _destroy(err, cb) {
    if (this._timer) { clearTimeout(this._timer); this._timer = null; }
    this.connecting = false;
    const h = this._handle;
    this._handle = null;
    const finish = () => {
      cb(err);
      process.nextTick(() => this.emit('close', !!err));
      if (this._server) this._server._connectionClosed();
    };
    if (h) h.close(finish); else finish();
  }

  destroySoon() { if (this.writable) this.end(); if (this.writableFinished) this.destroy(); else this.once('finish', () => this.destroy()); }

  setTimeout(ms, cb) {
    this._timeoutMs = ms;
    if (this._timer) { clearTimeout(this._timer); this._timer = null; }
    if (cb) { if (ms === 0) this.removeListener('timeout', cb); else this.once('timeout', cb); }
    if (ms > 0) this._touch();
    return this;
  }
  _touch() {
    if (this._timeoutMs <= 0) return;
    if (this._timer) this._timer.refresh();
    else {
      this._timer = setTimeout(() => { this._timer = null; this.emit('timeout'); }, this._timeoutMs);
      this._timer.unref();
    }
  }
  setNoDelay(v = true) { if (this._handle && this._handle.setNoDelay) this._handle.setNoDelay(!!v); return this; }
  setKeepAlive(v = false, delay = 0) {
    if (this._handle && this._handle.setKeepAlive) this._handle.setKeepAlive(!!v, Math.floor(delay / 1000));
    return this;
  }
  ref() { if (this._handle) this._handle.ref(); return this; }
  unref() { if (this._handle) this._handle.unref(); return this; }
  resetAndDestroy() { return this.destroy(); }
}

// A bound (not yet listening) handle, or a negative errno: a TCP handle for
// an IP address (port >= 0), a Pipe for a Unix socket path (port -1).  Also
// what a cluster primary hands to workers in SCHED_NONE mode.
function createServerHandle(address, port, addressType, fd, options = {}) {
  let h;
  let r;
  if (port === -1 || addressType === -1) {
    h = new Pipe(false);
    r = h.bind(address);
  } else {
    h = new TCP();
    if (options.reusePort) h.setReusePort();
    r = h.bind(address, port, !!options.ipv6Only);
  }
  if (r < 0) { h.close(); return r; }
  return h;
}

let cluster;
// In a cluster worker the primary provides the listening socket (Node's
// listenInCluster); elsewhere, or with `exclusive`, the server binds itself.
function listenInCluster(server, address, port, addressType, backlog, fd, exclusive) {
  if (cluster === undefined) cluster = require('cluster');
  if (cluster.isPrimary || exclusive) {
    server._listen2(address, port, addressType, backlog);
    return;
  }
  const query = { address, port, addressType, fd, flags: 0 };
  cluster._getServer(server, query, (err, handle) => {
    if (!err && port > 0 && handle && handle.getsockname) {
      // a shared handle must really have the port asked for
      const out = handle.getsockname();
      if (out && out.port !== port) err = -98; // EADDRINUSE
    }
    if (err) {
      process.nextTick(() => server.emit('error', exceptionWithHostPort(err, 'bind', address, port)));
      return;
    }
    server._handle = handle;
    server._listen2(address, port, addressType, backlog);
  });
}

class Server extends EventEmitter {
  constructor(options, listener) {
    super();
    if (typeof options === 'function') { listener = options; options = {}; }
    options = options || {};
    if (listener) this.on('connection', listener);
    this._handle = null;
    this._connections = 0;
    this.maxConnections = undefined;
    this.allowHalfOpen = !!options.allowHalfOpen;
    this.pauseOnConnect = !!options.pauseOnConnect;
    this.noDelay = !!options.noDelay;
    this.keepAlive = !!options.keepAlive;
    this._pipeName = null;
    this._unref = false;
    this._workers = [];
  }
  get listening() { return !!this._handle; }

  listen(...args) {
    let options = {};
    let cb;
    if (typeof args[args.length - 1] === 'function') cb = args.pop();
    if (args[0] !== null && typeof args[0] === 'object') {
      options = args[0];
    } else if (typeof args[0] === 'string' && isNaN(+args[0])) {
      options = { path: args[0], backlog: args[1] };
    } else {
      options = { port: args[0] };
      if (typeof args[1] === 'string') { options.host = args[1]; options.backlog = args[2]; } else options.backlog = args[1];
    }
    if (cb) this.once('listening', cb);
    if (this._handle) throw new (codes().ERR_SERVER_ALREADY_LISTEN)();
    // listen(handle[, backlog]): a TCP or Pipe handle, or an object holding
    // one (a net.Server or net.Socket, { _handle }, { handle }) — e.g. a
    // server received over IPC.  It is listened on as it is, also in a
    // cluster worker.
    const held = options._handle || options.handle || options;
    if (held instanceof TCP || held instanceof Pipe) {
      this._handle = held;
      this._listen2(null, -1, -1, typeof args[1] === 'number' ? args[1] : options.backlog);
      return this;
    }
    const backlog = options.backlog || 511;
    if (options.path) {
      listenInCluster(this, options.path, -1, -1, backlog, undefined, options.exclusive);
      return this;
    }
    let port = options.port === undefined || options.port === null ? 0 : options.port;
    if (typeof port === 'string' && port.trim() !== '') port = +port;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) {
      throw new (codes().ERR_SOCKET_BAD_PORT)('options.port', options.port);
    }
    this._listenOptions = options;
    if (!options.host) listenInCluster(this, null, port, 4, backlog, undefined, options.exclusive);
    else {
      lookup(options.host, 0, (err, ip, family) => {
        if (err) { this._emitError(err); return; }
        listenInCluster(this, ip, port, family === 6 ? 6 : 4, backlog, undefined, options.exclusive);
      });
    }
    return this;
  }

  // Listens on this._handle, or on a new handle bound to address:port
  // (a Unix socket path when port is -1).  As Node's setupListenHandle:
  // no address tries :: first, then 0.0.0.0.
  _listen2(address, port, addressType, backlog) {
    if (!this._handle) {
      const options = this._listenOptions || {};
      let h;
      if (address === null && port >= 0) {
        h = createServerHandle('::', port, 6, undefined, options);
        if (typeof h === 'number') { h = createServerHandle('0.0.0.0', port, 4, undefined, options); address = '0.0.0.0'; }
        else address = '::';
      } else {
        h = createServerHandle(address, port, addressType, undefined, options);
      }
      if (typeof h === 'number') { this._emitError(exceptionWithHostPort(h, 'listen', address, port >= 0 ? port : undefined)); return; }
      this._handle = h;
    }
    const h = this._handle;
    const r = h.listen(backlog || 511, (err, c) => this._onConnection(err, c));
    if (r < 0) {
      this._handle = null;
      h.close();
      this._emitError(exceptionWithHostPort(r, 'listen', address === null ? undefined : address, port >= 0 ? port : undefined));
      return;
    }
    if (port === -1 && typeof address === 'string') this._pipeName = address;
    else if (port === -1 && h instanceof Pipe && h.getsockname) this._pipeName = h.getsockname() || null;
    this._connectionKey = `${addressType}:${address}:${port}`;
    if (this._unref) h.unref();
    process.nextTick(() => this.emit('listening'));
  }

  _emitError(err) { process.nextTick(() => this.emit('error', err)); }

  _onConnection(err, handle) {
    if (err) { this.emit('error', err); return; }
    if (this.maxConnections !== undefined && this._connections >= this.maxConnections) {
      handle.close();
      this.emit('drop', {});
      return;
    }
    const socket = new Socket({ handle, allowHalfOpen: this.allowHalfOpen, pauseOnCreate: this.pauseOnConnect });
    socket.server = this;
    socket._server = this;
    if (this.noDelay && handle.setNoDelay) handle.setNoDelay(true);
    if (this.keepAlive && handle.setKeepAlive) handle.setKeepAlive(true, 0);
    this._connections++;
    this.emit('connection', socket);
  }

  _connectionClosed() {
    this._connections--;
    if (this._closing && this._connections === 0) this._emitCloseIfDrained();
  }

  _emitCloseIfDrained() {
    if (this._handle || this._connections > 0) return;
    process.nextTick(() => this.emit('close'));
  }

  close(cb) {
    if (typeof cb === 'function') {
      if (!this._handle) {
        this.once('close', () => cb(new (codes().ERR_SERVER_NOT_RUNNING)()));
      } else {
        this.once('close', cb);
      }
    }
    if (this._handle) {
      const h = this._handle;
      this._handle = null;
      h.close();
    }
    this._closing = true;
    if (this._workers.length > 0) {
      // Sockets handed to child processes (child.send(msg, socket)) count
      // until each child says it has closed them all.
      let left = this._workers.length;
      this._connections++; // one 'close', even if the children answer at once
      const onWorkerClose = () => {
        if (--left !== 0) return;
        this._connections = 0;
        this._emitCloseIfDrained();
      };
      for (const w of this._workers) w.close(onWorkerClose);
    } else {
      this._emitCloseIfDrained();
    }
    return this;
  }

  // A list of the sockets of this server sent to one child process
  // (internal/child_process): close() and getConnections() ask it too.
  _setupWorker(socketList) {
    this._workers.push(socketList);
    socketList.once('exit', () => {
      const i = this._workers.indexOf(socketList);
      if (i !== -1) this._workers.splice(i, 1);
    });
  }

  address() {
    if (!this._handle) return null;
    if (this._pipeName) return this._pipeName;
    return this._handle.getsockname();
  }
  getConnections(cb) {
    if (this._workers.length === 0) { process.nextTick(cb, null, this._connections); return this; }
    let left = this._workers.length;
    let total = this._connections;
    const oncount = (err, count) => {
      if (left < 0) return;
      if (err) { left = -1; process.nextTick(cb, err); return; }
      total += count;
      if (--left === 0) process.nextTick(cb, null, total);
    };
    for (const w of this._workers) w.getConnections(oncount);
    return this;
  }
  ref() { this._unref = false; if (this._handle) this._handle.ref(); return this; }
  unref() { this._unref = true; if (this._handle) this._handle.unref(); return this; }
  [Symbol.asyncDispose]() { return new Promise((r) => this.close(() => r())); }
}

function createServer(options, listener) { return new Server(options, listener); }

function connect(...args) {
  let options = args[0] !== null && typeof args[0] === 'object' ? args[0] : {};
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(...args);
}

let autoSelectFamily = false;
let autoSelectFamilyAttemptTimeout = 250;

module.exports = {
  Socket, Stream: Socket, Server, createServer, connect, createConnection: connect,
  isIP, isIPv4, isIPv6,
  getDefaultAutoSelectFamily() { return autoSelectFamily; },
  setDefaultAutoSelectFamily(v) { autoSelectFamily = !!v; },
  getDefaultAutoSelectFamilyAttemptTimeout() { return autoSelectFamilyAttemptTimeout; },
  setDefaultAutoSelectFamilyAttemptTimeout(v) { autoSelectFamilyAttemptTimeout = v; },
  _lookup: lookup,
  _createServerHandle: createServerHandle,
};
