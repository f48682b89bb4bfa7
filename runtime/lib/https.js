'use strict';
// https — HTTP over TLS: https.Server is a tls.Server whose secure
// connections are served by http's server code (internal/http/server), and
// https.request/get are http's ClientRequest with an Agent whose connections
// come from tls.connect (sessions are cached per origin for resumption).

const tls = require('tls');
const http = require('http');
const { ClientRequest, urlToOptions } = require('internal/http/client');
const HttpServer = http.Server;

// Built by http.Server's constructor (its fields, timeouts, request
// handling), then turned into a TLS server: raw TCP connections become
// TLSSockets and their 'secureConnection' goes to http's connection setup.
function Server(options, requestListener) {
  if (typeof options === 'function') { requestListener = options; options = {}; }
  options = { ...options };
  const self = Reflect.construct(HttpServer, [options, requestListener], new.target || Server);
  self.removeAllListeners('connection');
  if (!options.ALPNProtocols) options.ALPNProtocols = ['http/1.1'];
  tls._initServer(self, options);
  self.on('secureConnection', (socket) => self._setupConnection(socket));
  self.on('tlsClientError', (err, socket) => {
    if (!self.listenerCount('clientError') || socket.destroyed) return;
    self.emit('clientError', err, socket);
  });
  return self;
}
Object.setPrototypeOf(Server.prototype, tls.Server.prototype);
Object.setPrototypeOf(Server, tls.Server);
for (const k of Object.getOwnPropertyNames(HttpServer.prototype)) {
  if (k === 'constructor') continue;
  Object.defineProperty(Server.prototype, k, Object.getOwnPropertyDescriptor(HttpServer.prototype, k));
}

function createServer(options, listener) { return new Server(options, listener); }

class Agent extends http.Agent {
  constructor(options = {}) {
    super(options);
    this.defaultPort = 443;
    this.protocol = 'https:';
    this.maxCachedSessions = options.maxCachedSessions ?? 100;
    this._sessionCache = { map: { __proto__: null }, list: [] };
  }
  getName(options = {}) {
    let name = super.getName(options);
    name += ':';
    for (const k of ['ca', 'cert', 'clientCertEngine', 'ciphers', 'key', 'pfx', 'rejectUnauthorized',
      'servername', 'minVersion', 'maxVersion', 'secureProtocol', 'crl', 'honorCipherOrder', 'ecdhCurve',
      'dhparam', 'secureOptions', 'sessionIdContext', 'sigalgs', 'privateKeyIdentifier', 'privateKeyEngine']) {
      if (options[k] !== undefined) name += options[k];
      name += ':';
    }
    return name;
  }
  createConnection(options, cb) {
    const name = this.getName(options);
    const session = this._getSession(name);
    const s = tls.connect({ ...options, session: options.session || session });
    // as Node: every session the server sends is cached (TLS 1.3 tickets come
    // after the handshake), and a connection closed by an error evicts it
    s.on('session', (sess) => { if (this.maxCachedSessions > 0) this._cacheSession(name, sess); });
    s.once('close', (hadError) => { if (hadError) this._evictSession(name); });
    if (cb) s.once('secureConnect', () => cb(null, s));
    return s;
  }
  _getSession(key) { return this._sessionCache.map[key]; }
  _cacheSession(name, session) {
    const c = this._sessionCache;
    if (!(name in c.map)) {
      if (c.list.length >= this.maxCachedSessions) delete c.map[c.list.shift()];
      c.list.push(name);
    }
    c.map[name] = session;
  }
  _evictSession(name) {
    const c = this._sessionCache;
    if (!(name in c.map)) return;
    delete c.map[name];
    c.list.splice(c.list.indexOf(name), 1);
  }
}

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

function request(...args) {
  let options = {};
  if (typeof args[0] === 'string') args[0] = urlToOptions(new URL(args[0]));
  else if (args[0] && args[0].searchParams && typeof args[0].href === 'string') args[0] = urlToOptions(args[0]);
  if (args[0] && typeof args[0] === 'object' && args[1] && typeof args[1] === 'object') {
    options = { ...args[0], ...args[1] };
    args.splice(0, 2, options);
  } else if (args[0] && typeof args[0] === 'object') {
    options = { ...args[0] };
    args[0] = options;
  }
  options._defaultAgent = module.exports.globalAgent;
  return new ClientRequest(...args);
}

function get(...args) {
  const req = request(...args);
  req.end();
  return req;
}

module.exports = { Agent, Server, createServer, get, request, globalAgent };
