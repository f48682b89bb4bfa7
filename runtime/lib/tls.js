'use strict';
// tls — TLS clients and servers on OpenSSL 3 (internalBinding('tls_wrap')):
// connect, createServer/Server, TLSSocket, createSecureContext/SecureContext,
// checkServerIdentity, rootCertificates (the system store), getCiphers.
// Certificates and keys are PEM; verification uses the system CA store
// (/etc/ssl/certs) unless `ca` is given.  See internal/tls/*.

const net = require('net');
const ctxmod = require('internal/tls/context');
const { TLSSocket } = require('internal/tls/socket');

// As Node, a server prefers its own cipher order unless told otherwise, and
// its sessions resume only in a server with the same sessionIdContext (by
// default a hash of the command line).
let defaultSessionIdContext;
function serverContextOptions(options) {
  if (defaultSessionIdContext === undefined) {
    defaultSessionIdContext = require('crypto').createHash('sha1').update(process.argv.join(' ')).digest('hex').slice(0, 32);
  }
  return {
    ...options,
    honorCipherOrder: options.honorCipherOrder !== undefined ? !!options.honorCipherOrder : true,
    sessionIdContext: options.sessionIdContext || defaultSessionIdContext,
  };
}

// A TLS server: each TCP connection becomes a server-side TLSSocket;
// 'secureConnection' after the handshake, 'tlsClientError' when it fails.
function initServer(server, options) {
  server._tlsOptions = options;
  server._contexts = [];
  // as Node, servers prefer their own cipher order unless told otherwise
  server._sharedCreds = options.secureContext || ctxmod.createSecureContext(serverContextOptions(options));
  const alpn = {};
  ctxmod.convertALPNProtocols(options.ALPNProtocols, alpn);
  if (alpn.ALPNProtocols) internalBinding('tls_wrap').ctxSetALPN(server._sharedCreds.context, alpn.ALPNProtocols);
  server.on('connection', (raw) => {
    const o = server._tlsOptions;
    const s = new TLSSocket(raw, {
      isServer: true, secureContext: server._sharedCreds, requestCert: !!o.requestCert,
      rejectUnauthorized: o.rejectUnauthorized !== false, allowHalfOpen: server.allowHalfOpen,
      handshakeTimeout: o.handshakeTimeout ?? 120000, keylog: server.listenerCount('keylog') > 0,
      enableTrace: !!o.enableTrace,
      sessionCallbacks: server.listenerCount('newSession') > 0 || server.listenerCount('resumeSession') > 0,
      ocspCallbacks: server.listenerCount('OCSPRequest') > 0,
      pskCallback: o.pskCallback, pskIdentityHint: o.pskIdentityHint,
      SNICallback: o.SNICallback || (server._contexts.length ? (name, cb) => cb(null, server._findContext(name)) : null),
    });
    s._tlsServer = server;
    s.server = server;
    s.once('secure', () => server.emit('secureConnection', s));
  });
}

class Server extends net.Server {
  constructor(options, listener) {
    if (typeof options === 'function') { listener = options; options = {}; }
    options = options || {};
    super(options);
    initServer(this, options);
    if (listener) this.on('secureConnection', listener);
  }
}

const serverMethods = {
  addContext(servername, context) {
    const re = new RegExp(`^${servername.replace(/([.^$+?\-\\[\]{}])/g, '\\$1').replace(/\*/g, '[^.]*')}$`, 'i');
    const ctx = context instanceof ctxmod.SecureContext ? context : ctxmod.createSecureContext(context);
    if (this._tlsOptions.ALPNProtocols) {
      const alpn = {};
      ctxmod.convertALPNProtocols(this._tlsOptions.ALPNProtocols, alpn);
      internalBinding('tls_wrap').ctxSetALPN(ctx.context, alpn.ALPNProtocols);
    }
    this._contexts.push([re, ctx]);
  },
  _findContext(name) {
    for (let i = this._contexts.length - 1; i >= 0; i--) if (this._contexts[i][0].test(name)) return this._contexts[i][1];
    return undefined;
  },
  setSecureContext(options) {
    this._sharedCreds = ctxmod.createSecureContext(serverContextOptions(options));
    Object.assign(this._tlsOptions, options);
  },
  // Session ticket keys (48 bytes: name, HMAC key, AES key) of the server's
  // context; servers with the same keys resume each other's sessions.
  getTicketKeys() {
    const k = internalBinding('tls_wrap').ctxConfigure(this._sharedCreds.context, 'getTicketKeys');
    return require('buffer').Buffer.from(k.buffer, k.byteOffset, k.byteLength);
  },
  setTicketKeys(keys) {
    require('internal/validators').validateBuffer(keys);
    if (keys.byteLength !== 48) throw new (require('internal/errors').codes.ERR_INTERNAL_ASSERTION)('Session ticket keys must be a 48-byte buffer');
    internalBinding('tls_wrap').ctxConfigure(this._sharedCreds.context, 'ticketKeys', keys);
  },
};
Object.assign(Server.prototype, serverMethods);

function createServer(options, listener) { return new Server(options, listener); }

function normalizeConnectArgs(args) {
  let options = {};
  let cb;
  if (typeof args[args.length - 1] === 'function') cb = args.pop();
  if (args[0] !== null && typeof args[0] === 'object') options = { ...args[0] };
  else {
    if (args[0] !== undefined) options.port = args[0];
    if (typeof args[1] === 'string') { options.host = args[1]; if (args[2] && typeof args[2] === 'object') Object.assign(options, args[2]); } else if (args[1] && typeof args[1] === 'object') Object.assign(options, args[1]);
  }
  return [options, cb];
}

function connect(...args) {
  const [options, cb] = normalizeConnectArgs(args);
  if (options.pskCallback !== undefined) require('internal/validators').validateFunction(options.pskCallback, 'pskCallback');
  if (options.host === undefined && options.hostname) options.host = options.hostname;
  const host = options.host || 'localhost';
  if (options.servername === undefined && !net.isIP(host)) options.servername = host;
  options.host = host;
  let raw = options.socket;
  const connectRaw = !raw;
  if (connectRaw) {
    const netOpts = { ...options };
    delete netOpts.timeout;
    raw = net.connect(netOpts);
  }
  const s = new TLSSocket(raw, { ...options, isServer: false });
  if (connectRaw) {
    raw.once('connect', () => s.emit('connect'));
    raw.on('lookup', (...a) => s.emit('lookup', ...a));
  }
  if (options.timeout) s.setTimeout(options.timeout);
  if (cb) s.once('secureConnect', cb);
  return s;
}

// OpenSSL's default cipher names and the TLS 1.3 suites, lower-cased,
// without duplicates, sorted (as Node); computed once
let ciphers;
function getCiphers() {
  if (!ciphers) {
    const names = internalBinding('tls_wrap').ciphers().map((c) => c.toLowerCase());
    ciphers = [...new Set(names)].sort();
  }
  return ciphers.slice();
}

module.exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  SecureContext: ctxmod.SecureContext,
  Server,
  TLSSocket,
  checkServerIdentity: ctxmod.checkServerIdentity,
  connect,
  convertALPNProtocols: ctxmod.convertALPNProtocols,
  createSecureContext: ctxmod.createSecureContext,
  createServer,
  getCiphers,
};
// for https (not enumerable: Node's tls has no such exports)
for (const [k, v] of [['_initServer', initServer], ['_serverMethods', serverMethods], ['_normalizeConnectArgs', normalizeConnectArgs]]) {
  Object.defineProperty(module.exports, k, { value: v, enumerable: false, writable: true, configurable: true });
}
for (const k of ['DEFAULT_CIPHERS', 'DEFAULT_ECDH_CURVE', 'DEFAULT_MIN_VERSION', 'DEFAULT_MAX_VERSION']) {
  Object.defineProperty(module.exports, k, {
    enumerable: true, get() { return ctxmod[k]; }, set(v) { ctxmod[k] = v; },
  });
}
Object.defineProperty(module.exports, 'rootCertificates', { enumerable: true, get: ctxmod.rootCertificates });
