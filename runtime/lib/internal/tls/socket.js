'use strict';
// internal/tls/socket — tls.TLSSocket: a net.Socket whose handle is a TLS
// engine (internalBinding('tls_wrap'), OpenSSL over memory BIOs) layered on
// another stream: the net.Socket of a TCP connection, or any Duplex.
//
// TLSHandle below has the methods net.Socket expects of a libuv handle
// (readStart/readStop/write/shutdown/close/ref/unref/getsockname/...), so all
// of net.Socket's machinery (streams, timeouts, destroy) applies unchanged.
// Encrypted bytes come from the underlying stream's 'data' events and go to
// its write(); cleartext written before the handshake completes is queued.

const net = require('net');
const binding = internalBinding('tls_wrap');
const ctxmod = require('internal/tls/context');

function B() { return require('buffer').Buffer; }

function disconnected() {
  const e = new Error('Client network socket disconnected before secure TLS connection was established');
  e.code = 'ECONNRESET';
  return e;
}

class TLSHandle {
  constructor(owner, raw, ssl) {
    this.owner = owner;
    this.raw = raw;
    this.ssl = ssl;
    this.onread = null;
    this.reading = false;
    this.secure = false;
    this.pendingWrites = [];
    this.pendingClear = [];
    this.ended = false;
    this.closed = false;
    this.onsni = null;
    this.onpsk = null;
    this._onData = (chunk) => this._receive(chunk);
    this._onEnd = () => { if (this.secure) this._deliver(null); else this._fail(disconnected()); };
    this._onError = (err) => this._fail(err);
    // The transport is gone: the TLS socket cannot outlive it.
    this._onClose = () => {
      if (!this.secure) { this._fail(disconnected()); return; }
      if (!this.ended) this._deliver(null);
      process.nextTick(() => { if (!this.owner.destroyed) this.owner.destroy(); });
    };
    raw.on('data', this._onData);
    raw.on('end', this._onEnd);
    raw.on('error', this._onError);
    raw.on('close', this._onClose);
  }

  // Runs OpenSSL on input (or with none, to start a client's handshake).
  _receive(chunk) {
    if (this.closed) return;
    let r;
    try {
      r = binding.cycle(this.ssl, chunk || null, this.onsni, this.onpsk);
    } catch (e) {
      this._fail(e);
      return;
    }
    if (r.keylog) this.owner._onKeylog(r.keylog);
    if (this.closed) return;
    // A client that rejects the server's certificate closes before its
    // last handshake flight leaves (as Node), so the check comes first.
    if (r.ocspResponse && !this._isServer) {
      const resp = r.ocspResponse.response;
      this.owner.emit('OCSPResponse', resp ? B().from(resp.buffer, resp.byteOffset, resp.byteLength) : null);
      if (this.closed) return;
    }
    const sessions = r.newSessions || [];
    if (r.secure) {
      this.secure = true;
      const announce = this.owner._onHandshakeDone();
      if (this.closed) return;
      // as Node: the last flight and 'secure' wait for the 'newSession'
      // listeners' callbacks
      const early = sessions.filter((x) => !x.late);
      let pending = early.length + 1;
      const go = () => {
        if (--pending > 0 || this.closed) return;
        if (r.out && !this.raw.destroyed) this.raw.write(r.out);
        announce();
        if (this.closed) return;
        this._flushPending();
      };
      for (const x of early) this.owner._onNewSession(x, go);
      go();
      if (this.closed) return;
    } else if (r.out && !this.raw.destroyed) {
      this.raw.write(r.out);
    }
    if (r.hsStarts && this.owner._isServer) {
      for (let i = 0; i < r.hsStarts && !this.closed; i++) this.owner._onHandshakeStart(Date.now());
      if (this.closed) return;
    }
    if (r.renegotiated && this.secure && !this.closed) {
      this.owner.emit('secure');
      if (this.closed) return;
      this._flushPending();
    }
    if (r.session && this.secure && !this.closed) {
      const sess = this.owner.getSession();
      if (sess) this.owner.emit('session', sess);
    }
    for (const x of sessions) if (x.late && !this.closed) this.owner._onNewSession(x, () => {});
    if (r.clear) this._deliver(r.clear);
    if (r.err) { this._fail(r.err); return; }
    if (r.eof) this._deliver(null);
    if (r.ocspRequest && !this.closed) this.owner._onOCSPRequest(r.ocspRequest);
    if (r.resume && !this.closed) this.owner._onResumeRequest(B().from(r.resume.buffer, r.resume.byteOffset, r.resume.byteLength));
  }

  _flushPending() {
    const q = this.pendingWrites;
    this.pendingWrites = [];
    for (const [data, cb] of q) this.write(data, cb);
  }

  _deliver(chunk) {
    if (this.ended || this.closed) return;
    if (chunk === null) this.ended = true;
    if (!this.reading || !this.onread) {
      this.pendingClear.push(chunk);
      if (chunk !== null && !this.raw.isPaused?.()) this.raw.pause?.();
      return;
    }
    this.onread(chunk);
  }

  _fail(err) {
    if (this.closed) return;
    // TLS errors are ERR_SSL_<reason> in Node (crypto's are ERR_OSSL_...)
    if (err && typeof err.code === 'string' && err.code.startsWith('ERR_OSSL_SSL_')) err.code = `ERR_SSL_${err.code.slice(13)}`;
    this.owner._onTLSError(err);
  }

  start() { this._receive(null); }

  readStart(onread) {
    this.onread = onread;
    this.reading = true;
    while (this.reading && this.pendingClear.length) this.onread(this.pendingClear.shift());
    if (this.reading && this.raw.isPaused?.()) this.raw.resume();
    return 0;
  }
  readStop() {
    this.reading = false;
    if (this.secure && this.raw.pause) this.raw.pause();
    return 0;
  }

  write(data, cb) {
    if (this.closed) return -32; // EPIPE
    // before the handshake, or while a renegotiation runs, cleartext waits
    if (!this.secure || binding.inInit(this.ssl)) { this.pendingWrites.push([data, cb]); return 0; }
    let out;
    try {
      if (Array.isArray(data)) {
        const parts = [];
        for (const d of data) { const o = binding.write(this.ssl, d); if (o) parts.push(o); }
        out = parts.length ? B().concat(parts) : null;
      } else {
        out = binding.write(this.ssl, data);
      }
    } catch (e) {
      process.nextTick(() => cb && cb(e));
      return 0;
    }
    if (out && !this.raw.destroyed) this.raw.write(out, (err) => cb && cb(err || null));
    else if (cb) process.nextTick(cb, null);
    return 0;
  }

  shutdown(cb) {
    const finish = () => {
      const out = this.closed ? null : binding.shutdown(this.ssl);
      if (this.raw.destroyed || this.raw.writableEnded) { process.nextTick(cb, null); return; }
      if (out) this.raw.write(out);
      this.raw.end(() => cb(null));
    };
    if (!this.secure && !this.closed) {
      // end() before the handshake finished: send after the queued writes
      this.pendingWrites.push([B().alloc(0), () => finish()]);
      return 0;
    }
    finish();
    return 0;
  }

  close(cb) {
    if (this.closed) { if (cb) process.nextTick(cb); return; }
    this.closed = true;
    const raw = this.raw;
    raw.removeListener('data', this._onData);
    raw.removeListener('end', this._onEnd);
    raw.removeListener('close', this._onClose);
    raw.on('error', () => {});
    binding.free(this.ssl);
    if (raw.destroyed) { if (cb) process.nextTick(cb); return; }
    if (cb) raw.once('close', () => cb());
    raw.destroy();
  }

  ref() { if (this.raw.ref) this.raw.ref(); }
  unref() { if (this.raw.unref) this.raw.unref(); }
  hasRef() { return this.raw._handle ? this.raw._handle.hasRef() : true; }
  getFd() { return this.raw._handle ? this.raw._handle.getFd() : -1; }
  writeQueueSize() { return this.raw.writableLength || 0; }
  getsockname() { return this.raw.address ? this.raw.address() : {}; }
  getpeername() { return this.raw._peername ? this.raw._peername() : {}; }
  setNoDelay(v) { if (this.raw.setNoDelay) this.raw.setNoDelay(v); }
  setKeepAlive(v, d) { if (this.raw.setKeepAlive) this.raw.setKeepAlive(v, d * 1000); }
}

class TLSSocket extends net.Socket {
  constructor(socket, options = {}) {
    const isServer = !!options.isServer;
    const raw = socket || new net.Socket();
    const context = options.secureContext ||
      (isServer ? null : ctxmod.createSecureContext(options));
    if (!context) throw new Error('a server-side TLSSocket needs options.secureContext');
    const ssl = binding.tlsNew(context.context, isServer);
    const handle = new TLSHandle(null, raw, ssl);
    super({ handle, allowHalfOpen: options.allowHalfOpen ?? raw.allowHalfOpen, pauseOnCreate: true });
    handle.owner = this;
    this._tlsHandle = handle;
    this._ssl = ssl;
    this._parent = raw;
    this._tlsOptions = options;
    this._secureEstablished = false;
    this.encrypted = true;
    this.authorized = false;
    this.authorizationError = null;
    this.alpnProtocol = null;
    this.servername = null;
    this._rejectUnauthorized = options.rejectUnauthorized !== false;
    this._isServer = isServer;
    // 'keylog' lines are collected only while someone listens, as Node
    if (!isServer) {
      this.on('secure', () => {
        if (this._announceConnect) { this._announceConnect = false; this.emit('secureConnect'); }
      });
      this.on('newListener', (ev) => { if (ev === 'keylog' && this._ssl && !this.destroyed) binding.tlsSetKeylog(this._ssl, true); });
    } else {
      if (options.keylog) binding.tlsSetKeylog(ssl, true);
      if (options.sessionCallbacks) binding.tlsEnableSessionCallbacks(ssl);
      if (options.ocspCallbacks) binding.tlsOCSP(ssl);
    }
    if (isServer) {
      if (options.requestCert) binding.tlsRequestCert(ssl, options.rejectUnauthorized !== false);
      if (options.SNICallback) {
        // As Node, the callback may answer later: the handshake waits
        // (false tells the binding so); an error fails the handshake.
        handle.onsni = (name) => {
          let done = false;
          let sync = true;
          let picked;
          let error;
          options.SNICallback(name, (err, ctx) => {
            if (done) { this.destroy(new (ctxmod.codes.ERR_MULTIPLE_CALLBACK)()); return; }
            done = true;
            if (sync) { picked = ctx; error = err; return; }
            if (err) { this._onTLSError(err); return; }
            if (this.destroyed || !this._ssl) return;
            try {
              binding.sniDone(this._ssl, ctx ? ctx.context || ctx : null);
            } catch (e) {
              this._onTLSError(e);
              return;
            }
            handle._receive(null);
          });
          sync = false;
          if (!done) return false;
          if (error) throw error;
          return picked ? picked.context || picked : undefined;
        };
      }
    } else {
      const alpn = {};
      ctxmod.convertALPNProtocols(options.ALPNProtocols, alpn);
      if (alpn.ALPNProtocols) binding.tlsSetALPN(ssl, alpn.ALPNProtocols);
      const sn = options.servername;
      if (sn && !net.isIP(sn)) binding.tlsSetServername(ssl, sn);
      if (options.session) binding.tlsSetSession(ssl, options.session);
      if (options.requestOCSP) binding.tlsOCSP(ssl);
    }
    if (options.enableTrace) binding.enableTrace(ssl);
    if (typeof options.pskCallback === 'function') this._setupPSK(options);
    if (options.handshakeTimeout > 0) {
      this._hsTimer = setTimeout(() => this._onTLSError(new (ctxmod.codes.ERR_TLS_HANDSHAKE_TIMEOUT)()), options.handshakeTimeout);
      this._hsTimer.unref();
    }
    this.read(0);
    if (!isServer) process.nextTick(() => handle.start());
  }

  _onHandshakeDone() {
    if (this._hsTimer) { clearTimeout(this._hsTimer); this._hsTimer = null; }
    const info = binding.info(this._ssl);
    this._secureEstablished = true;
    this.alpnProtocol = info.alpn;
    this.servername = info.servername;
    const o = this._tlsOptions;
    if (this._isServer) {
      if (o.requestCert) {
        const ve = info.verifyError;
        this.authorized = !ve;
        if (ve) this.authorizationError = ve[0];
        if (ve && o.rejectUnauthorized) { // as Node: closed without an event
          this.destroy();
          return null;
        }
      }
      return () => this.emit('secure');
    }
    let verifyError = null;
    if (info.verifyError) {
      verifyError = new Error(info.verifyError[1]);
      verifyError.code = info.verifyError[0];
    } else if (!info.reused) { // a resumed session was checked when it was made
      const host = o.servername || o.host || 'localhost';
      const cert = this.getPeerCertificate();
      verifyError = (o.checkServerIdentity || ctxmod.checkServerIdentity)(host, cert) || null;
    }
    if (verifyError) {
      this.authorized = false;
      this.authorizationError = verifyError.code || verifyError.message;
      if (this._rejectUnauthorized) { this.destroy(verifyError); return null; }
    } else {
      this.authorized = true;
    }
    // as Node: 'secureConnect' comes from the first 'secure' listener
    this._announceConnect = true;
    return () => this.emit('secure');
  }

  _onTLSError(err) {
    if (this.destroyed) return;
    if (this._hsTimer) { clearTimeout(this._hsTimer); this._hsTimer = null; }
    if (this._isServer && !this._secureEstablished && this._tlsServer) {
      this._tlsServer.emit('tlsClientError', err, this);
      this.destroy();
      return;
    }
    this.destroy(err);
  }

  get _handshakeDone() { return this._secureEstablished; }
  getPeerCertificate(detailed) {
    if (!this._ssl || this.destroyed) return {};
    const fix = (c) => { if (c.raw) c.raw = B().from(c.raw.buffer, c.raw.byteOffset, c.raw.byteLength); return c; };
    if (detailed) {
      // as Node: each certificate links to its issuer; a self-signed root to itself
      const chain = binding.peerChain(this._ssl);
      if (!chain) return this._secureEstablished ? {} : null;
      chain.forEach(fix);
      for (let i = 0; i + 1 < chain.length; i++) chain[i].issuerCertificate = chain[i + 1];
      if (chain.selfSigned) chain[chain.length - 1].issuerCertificate = chain[chain.length - 1];
      return ctxmod.translatePeerCertificate(chain[0]);
    }
    const c = binding.peerCert(this._ssl);
    if (!c) return this._secureEstablished ? {} : null;
    return fix(c);
  }
  getCertificate() {
    const o = this._tlsOptions;
    const pem = o.cert || (o.secureContext && o.secureContext._certPem);
    if (!pem) return null;
    const c = binding.certFromPem(ctxmod.toBytes([].concat(pem)[0], 'cert'));
    if (c && c.raw) c.raw = B().from(c.raw.buffer, c.raw.byteOffset, c.raw.byteLength);
    return c || {};
  }
  getProtocol() { return this._secureEstablished && !this.destroyed ? binding.info(this._ssl).protocol : null; }
  getCipher() {
    if (!this._secureEstablished || this.destroyed) return undefined;
    const i = binding.info(this._ssl);
    return { name: i.cipher, standardName: i.standardName, version: i.version };
  }
  getSession() {
    if (!this._secureEstablished || this.destroyed) return undefined;
    const s = binding.getSession(this._ssl);
    return s ? B().from(s.buffer, s.byteOffset, s.byteLength) : undefined;
  }
  isSessionReused() { return this._secureEstablished && !this.destroyed ? binding.info(this._ssl).reused : false; }
  setServername(name) {
    if (this._isServer) throw new (ctxmod.codes.ERR_TLS_SNI_FROM_SERVER)();
    binding.tlsSetServername(this._ssl, name);
  }
  setSession(session) { binding.tlsSetSession(this._ssl, session); }
  getEphemeralKeyInfo() {
    if (this.destroyed || !this._ssl) return null;
    return this._isServer ? null : binding.ephemeralKeyInfo(this._ssl);
  }
  getSharedSigalgs() { return this.destroyed || !this._ssl ? null : binding.sharedSigalgs(this._ssl); }
  getFinished() { return this._bytes(binding.finished(this._ssl, false)); }
  getPeerFinished() { return this._bytes(binding.finished(this._ssl, true)); }
  getTLSTicket() { return this._bytes(binding.ticket(this._ssl)); }
  _bytes(u8) { return u8 ? B().from(u8.buffer, u8.byteOffset, u8.byteLength) : undefined; }
  getX509Certificate() {
    const c = this.getCertificate();
    return c && c.raw ? new (require('internal/tls/x509').X509Certificate)(c.raw) : undefined;
  }
  getPeerX509Certificate() {
    const c = this.getPeerCertificate();
    return c && c.raw ? new (require('internal/tls/x509').X509Certificate)(c.raw) : undefined;
  }
  exportKeyingMaterial(length, label, context) {
    const { validateUint32, validateString, validateBuffer } = require('internal/validators');
    validateUint32(length, 'length', true);
    validateString(label, 'label');
    if (context !== undefined) validateBuffer(context, 'context');
    if (!this._secureEstablished) throw new (ctxmod.codes.ERR_TLS_INVALID_STATE)();
    try {
      return this._bytes(binding.exportKeyingMaterial(this._ssl, length, label, context ?? null));
    } catch (e) {
      e.code = 'ERR_CRYPTO_OPERATION_FAILED';
      throw e;
    }
  }
  setMaxSendFragment(size) {
    require('internal/validators').validateInt32(size, 'size');
    return binding.setMaxSendFragment(this._ssl, size);
  }

  // TLS 1.2 renegotiation, as Node: the callback runs on the next 'secure'
  // (the handshake finished) or with OpenSSL's error (TLS 1.3 has none).
  renegotiate(options, callback) {
    const { validateObject, validateFunction } = require('internal/validators');
    validateObject(options, 'options');
    if (callback !== undefined) validateFunction(callback, 'callback');
    if (this.destroyed) return;
    const o = this._tlsOptions;
    let requestCert = !!o.requestCert;
    let rejectUnauthorized = this._rejectUnauthorized;
    if (options.requestCert !== undefined) requestCert = !!options.requestCert;
    if (options.rejectUnauthorized !== undefined) rejectUnauthorized = !!options.rejectUnauthorized;
    if (this._isServer && requestCert) binding.tlsRequestCert(this._ssl, rejectUnauthorized);
    o.requestCert = requestCert;
    this._rejectUnauthorized = rejectUnauthorized;
    let out;
    try {
      out = binding.renegotiate(this._ssl);
    } catch (err) {
      if (typeof err.code === 'string' && err.code.startsWith('ERR_OSSL_SSL_')) err.code = `ERR_SSL_${err.code.slice(13)}`;
      if (callback) process.nextTick(callback, err);
      return false;
    }
    if (out && !this._parent.destroyed) this._parent.write(out);
    if (callback) this.once('secure', () => callback(null));
    return true;
  }
  disableRenegotiation() { this._renegDisabled = true; }
  enableTrace() { if (this._ssl && !this.destroyed) binding.enableTrace(this._ssl); }
  setKeyCert(context) {
    if (!this._ssl || this.destroyed) return;
    const sc = context instanceof ctxmod.SecureContext ? context : ctxmod.createSecureContext(context);
    binding.useKeyCert(this._ssl, sc.context);
  }

  // A server-side handshake began (Node's onhandshakestart): more than
  // tls.CLIENT_RENEG_LIMIT within tls.CLIENT_RENEG_WINDOW seconds is an attack.
  _onHandshakeStart(now) {
    const last = this._lastHandshakeTime || 0;
    this._lastHandshakeTime = now;
    if (last === 0) return;
    const tls = require('tls');
    if ((now - last) >= tls.CLIENT_RENEG_WINDOW * 1000) this._handshakes = 1;
    else this._handshakes = (this._handshakes || 0) + 1;
    if (this._handshakes > tls.CLIENT_RENEG_LIMIT) {
      this._emitTLSError(new (ctxmod.codes.ERR_TLS_SESSION_ATTACK)());
      return;
    }
    if (this._renegDisabled) this._emitTLSError(new (ctxmod.codes.ERR_TLS_RENEGOTIATION_DISABLED)());
  }
  _emitTLSError(err) {
    if (this._secureEstablished) this.emit('error', err);
    else this._onTLSError(err);
  }

  // A server's external session cache: 'newSession'(id, data, done) and
  // 'resumeSession'(id, callback(err, data)), as Node's.
  _onNewSession(x, done) {
    const server = this._tlsServer;
    let once = false;
    const cb = () => {
      if (once) return;
      once = true;
      if (this.destroyed) { this.destroy(new (ctxmod.codes.ERR_SOCKET_CLOSED)()); return; }
      done();
    };
    const id = B().from(x.id.buffer, x.id.byteOffset, x.id.byteLength);
    const data = B().from(x.data.buffer, x.data.byteOffset, x.data.byteLength);
    if (!server || !server.emit('newSession', id, data, cb)) cb();
  }
  // Pre-shared keys, as Node: a client's pskCallback(hint) gives
  // { psk, identity } or null, a server's pskCallback(socket, identity) the
  // key (or { psk }) or null.
  _setupPSK(options) {
    const cb = options.pskCallback;
    const { validateObject, validateBuffer, validateString } = require('internal/validators');
    const isArrayBufferView = (v) => ArrayBuffer.isView(v);
    const { codes } = require('internal/errors');
    if (this._isServer) {
      this._tlsHandle.onpsk = (identity, MAX) => {
        const ret = cb(this, identity);
        if (ret == null) return null;
        let psk;
        if (isArrayBufferView(ret)) psk = ret;
        else {
          validateObject(ret, 'PSK callback return');
          psk = ret.psk;
          validateBuffer(psk, 'psk');
        }
        if (psk.length > MAX) throw new codes.ERR_INVALID_ARG_VALUE('psk', psk, `Pre-shared key exceeds ${MAX} bytes`);
        return psk;
      };
      const hint = options.pskIdentityHint;
      if (!binding.tlsPSK(this._ssl, typeof hint === 'string' ? hint : null)) {
        throw new (ctxmod.codes.ERR_TLS_PSK_SET_IDENTIY_HINT_FAILED)();
      }
    } else {
      this._tlsHandle.onpsk = (hint, MAX, maxIdentityLen) => {
        const ret = cb(hint);
        if (ret == null) return null;
        validateObject(ret, 'PSK callback return');
        validateBuffer(ret.psk, 'psk');
        if (ret.psk.length > MAX) throw new codes.ERR_INVALID_ARG_VALUE('psk', ret.psk, `Pre-shared key exceeds ${MAX} bytes`);
        validateString(ret.identity, 'identity');
        if (B().byteLength(ret.identity) > maxIdentityLen) {
          throw new codes.ERR_INVALID_ARG_VALUE('identity', ret.identity, `PSK identity exceeds ${maxIdentityLen} bytes`);
        }
        return { psk: ret.psk, identity: ret.identity };
      };
      binding.tlsPSK(this._ssl, null);
    }
  }

  // OCSP stapling, as Node: the server's 'OCSPRequest'(certificate, issuer,
  // callback(err, response)) while the handshake waits
  _onOCSPRequest(info) {
    const server = this._tlsServer;
    const buf = (u8) => (u8 ? B().from(u8.buffer, u8.byteOffset, u8.byteLength) : null);
    let once = false;
    const onOCSP = (err, response) => {
      if (once) { this.destroy(new (ctxmod.codes.ERR_MULTIPLE_CALLBACK)()); return; }
      once = true;
      if (err) { this._onTLSError(err); return; }
      if (this.destroyed) { this.destroy(new (ctxmod.codes.ERR_SOCKET_CLOSED)()); return; }
      binding.ocspDone(this._ssl, response || null);
      this._tlsHandle._receive(null);
    };
    if (!server || !server.emit('OCSPRequest', buf(info.cert), buf(info.issuer), onOCSP)) {
      once = true;
      binding.ocspDone(this._ssl, null);
      this._tlsHandle._receive(null);
    }
  }
  _onResumeRequest(id) {
    const server = this._tlsServer;
    let once = false;
    const onSession = (err, session) => {
      if (once) { this.destroy(new (ctxmod.codes.ERR_MULTIPLE_CALLBACK)()); return; }
      once = true;
      if (err) { this._onTLSError(err); return; }
      if (this.destroyed) { this.destroy(new (ctxmod.codes.ERR_SOCKET_CLOSED)()); return; }
      binding.resumeDone(this._ssl, session || null);
      this._tlsHandle._receive(null);
    };
    if (!server || !server.emit('resumeSession', id, onSession)) {
      once = true;
      binding.resumeDone(this._ssl, null);
      this._tlsHandle._receive(null);
    }
  }

  _onKeylog(lines) {
    for (const l of lines) {
      const line = B().from(l.buffer, l.byteOffset, l.byteLength);
      if (this._tlsServer) this._tlsServer.emit('keylog', line, this);
      else this.emit('keylog', line);
    }
  }
}

module.exports = { TLSSocket, TLSHandle };
