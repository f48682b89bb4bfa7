'use strict';
// dns — name resolution.  lookup() (getaddrinfo on libuv's threadpool, what
// net and http use) with family/all/hints/verbatim, and dns.promises.  The
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
  let order = 'verbatim';
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
  getServers() { return []; },
  setServers() {},
  setDefaultResultOrder() {},
  getDefaultResultOrder() { return 'verbatim'; },
};
for (const r of resolvers) {
  api[r] = notImplemented(r);
  promises[r] = (...args) => new Promise((resolve, reject) => api[r](...args, (e, v) => (e ? reject(e) : resolve(v))));
}
module.exports = api;
