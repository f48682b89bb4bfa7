'use strict';
// dns — name resolution.  lookup() (getaddrinfo on libuv's threadpool, what
// net and http use) with family/all/hints/verbatim/order and the default
// result order, lookupService() (getnameinfo), dns.promises, the server
// lists and the Resolver classes.  The
// resolve* family needs a DNS resolver library devrun-js does not embed; those
// functions fail with ENOTIMP, clearly, rather than pretend.

const binding = internalBinding('dns');
const { errnoException } = internalBinding('errors');

function codes() { return require('internal/errors').codes; }

function lookup(hostname, options, callback) {
  if (typeof options === 'function') { callback = options; options = {}; }
  if (typeof callback !== 'function') throw new (codes().ERR_INVALID_ARG_TYPE)('callback', 'function', callback);
  if (hostname !== undefined && hostname !== null && typeof hostname !== 'string') {
    throw new (codes().ERR_INVALID_ARG_TYPE)('hostname', 'string', hostname);
  }
  let family = 0;
  let all = false;
  let hints = 0;
  let order = defaultOrder;
  if (typeof options === 'number') family = options;
  else if (options && typeof options === 'object') {
    family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : (options.family | 0);
    all = !!options.all;
    hints = options.hints | 0;
    if (options.verbatim === false) order = 'ipv4first';
    if (typeof options.order === 'string') order = options.order;
  }
  if (family !== 0 && family !== 4 && family !== 6) {
    throw new (codes().ERR_INVALID_ARG_VALUE)('options.family', options.family, 'must be one of: 0, 4, 6');
  }
  if (!hostname) {
    process.nextTick(() => (all ? callback(null, []) : callback(null, null, family === 6 ? 6 : 4)));
    return {};
  }
  const ip = binding.isIP(hostname);
  if (ip) {
    process.nextTick(() => (all ? callback(null, [{ address: hostname, family: ip }]) : callback(null, hostname, ip)));
    return {};
  }
  const r = binding.getaddrinfo(hostname, family, hints, require('internal/async_hooks').wrapCallback('GETADDRINFOREQWRAP', (err, list) => {
    if (err || list.length === 0) {
      const e = errnoException(err || -3008, 'getaddrinfo');
      // Node reports "no such name" and "no data" as ENOTFOUND (errno stays
      // libuv's EAI_NONAME/EAI_NODATA).
      if (e.code === 'EAI_NONAME' || e.code === 'EAI_NODATA') e.code = 'ENOTFOUND';
      e.message = `getaddrinfo ${e.code} ${hostname}`;
      e.hostname = hostname;
      callback(e);
      return;
    }
    if (order === 'ipv4first') list.sort((a, b) => a.family - b.family);
    else if (order === 'ipv6first') list.sort((a, b) => b.family - a.family);
    if (all) callback(null, list);
    else callback(null, list[0].address, list[0].family);
  }));
  if (r < 0) process.nextTick(callback, errnoException(r, 'getaddrinfo'));
  return {};
}

let defaultOrder = 'verbatim';

// lookupService(address, port, cb) — getnameinfo on the threadpool.
function lookupService(address, port, callback) {
  if (arguments.length !== 3) throw new (codes().ERR_MISSING_ARGS)('address', 'port', 'callback');
  if (typeof address !== 'string' || !binding.isIP(address)) {
    throw new (codes().ERR_INVALID_ARG_VALUE)('address', address);
  }
  const { validatePort } = require('internal/validators');
  port = validatePort(port);
  if (typeof callback !== 'function') throw new (codes().ERR_INVALID_ARG_TYPE)('callback', 'function', callback);
  const r = binding.getnameinfo(address, port, (err, hostname, service) => {
    if (err) {
      const e = errnoException(err, 'getnameinfo');
      if (e.code === 'EAI_NONAME' || e.code === 'EAI_NODATA') e.code = 'ENOTFOUND';
      e.message = `getnameinfo ${e.code} ${address}`;
      e.host = address;
      callback(e);
      return;
    }
    callback(null, hostname, service);
  });
  if (r < 0) process.nextTick(callback, errnoException(r, 'getnameinfo'));
  return {};
}

// The servers c-ares would use: /etc/resolv.conf's nameserver lines.  They
// are reported and can be set (as Node validates and normalises them), but
// no query goes to them: there is no resolver (see resolve* below).
function systemServers() {
  let text = '';
  try { text = require('fs').readFileSync('/etc/resolv.conf', 'latin1'); } catch { return ['127.0.0.1']; }
  const out = [];
  for (const line of text.split('\n')) {
    const m = /^\s*nameserver\s+(\S+)/.exec(line);
    if (m && binding.isIP(m[1].replace(/%.*$/, ''))) out.push(m[1]);
  }
  return out.length ? out : ['127.0.0.1'];
}

function normalizeServers(servers) {
  const { validateArray, validateString } = require('internal/validators');
  validateArray(servers, 'servers');
  return servers.map((server, i) => {
    validateString(server, `servers[${i}]`);
    if (binding.isIP(server)) return server;
    let m = /^\[([^\]]+)\](?::(\d+))?$/.exec(server);
    if (m && binding.isIP(m[1]) === 6) {
      return !m[2] || m[2] === '53' ? m[1] : `[${m[1]}]:${m[2]}`;
    }
    m = /^([^:]+):(\d+)$/.exec(server);
    if (m && binding.isIP(m[1]) === 4) return m[2] === '53' ? m[1] : server;
    throw new (codes().ERR_INVALID_IP_ADDRESS)(server);
  });
}

let globalServers;

function notImplemented(name) {
  return function(...args) {
    const cb = args[args.length - 1];
    const e = new Error(`${name} ENOTIMP: devrun-js has no DNS resolver (only lookup() is available)`);
    e.code = 'ENOTIMP';
    e.syscall = name;
    if (typeof cb === 'function') process.nextTick(cb, e);
    else throw e;
  };
}

const resolvers = ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx',
  'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse'];

const promises = {
  lookup(hostname, options = {}) {
    return new Promise((resolve, reject) => {
      lookup(hostname, options, (err, address, family) => {
        if (err) reject(err);
        else if (Array.isArray(address)) resolve(address);
        else resolve({ address, family });
      });
    });
  },
};

const api = {
  lookup, promises,
  ADDRCONFIG: binding.AI_ADDRCONFIG, V4MAPPED: binding.AI_V4MAPPED, ALL: binding.AI_ALL,
  NODATA: 'ENODATA', FORMERR: 'EFORMERR', SERVFAIL: 'ESERVFAIL', NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP', REFUSED: 'EREFUSED', BADQUERY: 'EBADQUERY', BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY', BADRESP: 'EBADRESP', CONNREFUSED: 'ECONNREFUSED', TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF', FILE: 'EFILE', NOMEM: 'ENOMEM', DESTRUCTION: 'EDESTRUCTION', BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS', NONAME: 'ENONAME', BADHINTS: 'EBADHINTS', NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI', ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS', CANCELLED: 'ECANCELLED',
  lookupService,
  getServers() { return [...(globalServers ??= systemServers())]; },
  setServers(servers) { globalServers = normalizeServers(servers); },
  setDefaultResultOrder(order) {
    if (order !== 'verbatim' && order !== 'ipv4first' && order !== 'ipv6first') {
      throw new (codes().ERR_INVALID_ARG_VALUE)('dnsOrder', order, "must be one of: 'verbatim', 'ipv4first', 'ipv6first'");
    }
    defaultOrder = order;
  },
  getDefaultResultOrder() { return defaultOrder; },
};
for (const r of resolvers) {
  api[r] = notImplemented(r);
  promises[r] = (...args) => new Promise((resolve, reject) => api[r](...args, (e, v) => (e ? reject(e) : resolve(v))));
}
promises.lookupService = (address, port) => new Promise((resolve, reject) => {
  lookupService(address, port, (err, hostname, service) => (err ? reject(err) : resolve({ hostname, service })));
});
for (const k of ['getServers', 'setServers', 'setDefaultResultOrder', 'getDefaultResultOrder']) promises[k] = api[k];

// dns.Resolver / dns.promises.Resolver: independent server lists, and the
// resolve* methods — which fail with ENOTIMP like the module's (no resolver
// library); programs that create a Resolver and fall back on lookup() work.
function makeResolver(promiseStyle) {
  return class Resolver {
    constructor(options = undefined) {
      const { validateObject, validateInteger } = require('internal/validators');
      if (options !== undefined) {
        validateObject(options, 'options');
        if (options.timeout !== undefined) validateInteger(options.timeout, 'options.timeout', -1);
        if (options.tries !== undefined) validateInteger(options.tries, 'options.tries', 1);
      }
      this._servers = systemServers();
    }
    cancel() {}
    getServers() { return [...this._servers]; }
    setServers(servers) { this._servers = normalizeServers(servers); }
    setLocalAddress(ipv4 = '0.0.0.0', ipv6 = '::0') {
      const { validateString } = require('internal/validators');
      validateString(ipv4, 'ipv4');
      if (ipv6 !== undefined) validateString(ipv6, 'ipv6');
      for (const ip of [ipv4, ipv6]) {
        if (ip !== undefined && !binding.isIP(ip)) {
          const e = new TypeError('Invalid IP address.');
          e.code = 'ERR_INVALID_ARG_VALUE';
          throw e;
        }
      }
    }
  };
}
api.Resolver = makeResolver(false);
promises.Resolver = makeResolver(true);
for (const r of resolvers) {
  api.Resolver.prototype[r] = function(...args) { return api[r](...args); };
  promises.Resolver.prototype[r] = function(...args) { return promises[r](...args); };
}
module.exports = api;
