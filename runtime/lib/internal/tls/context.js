'use strict';
// internal/tls/context — SecureContext (an OpenSSL SSL_CTX from
// internalBinding('tls_wrap')), tls.createSecureContext, checkServerIdentity,
// the TLS error codes, and rootCertificates from the system CA store.

const binding = internalBinding('tls_wrap');
const { E, codes } = require('internal/errors');

function B() { return require('buffer').Buffer; }

const add = (code, msg, Base) => { if (!codes[code]) E(code, msg, Base); };
add('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames: %s", Error);
add('ERR_TLS_INVALID_PROTOCOL_VERSION', '%j is not a valid %s TLS protocol version', TypeError);
add('ERR_TLS_PROTOCOL_VERSION_CONFLICT', 'TLS protocol version %j conflicts with secureProtocol %j', TypeError);
add('ERR_TLS_SNI_FROM_SERVER', 'Cannot issue SNI from a TLS server-side socket', Error);
add('ERR_TLS_INVALID_PROTOCOL_METHOD', '%s', TypeError);
add('ERR_SSL_NO_CIPHER_MATCH', 'No cipher match', Error);
add('ERR_TLS_HANDSHAKE_TIMEOUT', 'TLS handshake timeout', Error);
add('ERR_TLS_SESSION_ATTACK', 'TLS session renegotiation attack detected', Error);
add('ERR_TLS_RENEGOTIATION_DISABLED', 'TLS session renegotiation disabled for this socket', Error);
add('ERR_TLS_INVALID_CONTEXT', '%s must be a SecureContext', TypeError);
add('ERR_CRYPTO_OPERATION_FAILED', '%s', Error);
add('ERR_TLS_PSK_SET_IDENTIY_HINT_FAILED', 'Failed to set PSK identity hint', Error);
add('ERR_SOCKET_CLOSED', 'Socket is closed', Error);
add('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times', Error);
add('ERR_TLS_INVALID_STATE', 'TLS socket connection must be securely established', Error);

const DEFAULT_CIPHERS = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:' +
  'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:' +
  'ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:' +
  'DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:' +
  'DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA';

const VERSIONS = { 'TLSv1': 0x0301, 'TLSv1.1': 0x0302, 'TLSv1.2': 0x0303, 'TLSv1.3': 0x0304 };

function toBytes(v, name) {
  if (typeof v === 'string') return B().from(v);
  if (v instanceof Uint8Array) return v;
  if (v && typeof v === 'object' && typeof v.export === 'function') return B().from(v.export({ type: 'pkcs8', format: 'pem' }));
  throw new codes.ERR_INVALID_ARG_TYPE(`options.${name}`, ['string', 'Buffer', 'TypedArray', 'DataView'], v);
}

// ALPN protocol list in wire format: [len, bytes...]*
function convertALPNProtocols(protocols, out) {
  if (Array.isArray(protocols)) {
    const parts = [];
    for (const p of protocols) {
      const b = B().from(p);
      if (b.length > 255) throw new codes.ERR_OUT_OF_RANGE('The byte length of the protocol', '<= 255', b.length);
      parts.push(B().from([b.length]), b);
    }
    out.ALPNProtocols = B().concat(parts);
  } else if (protocols instanceof Uint8Array) {
    out.ALPNProtocols = B().from(protocols);
  }
}

let systemStoreLoaded = false;

// secureProtocol: OpenSSL's method names as Node maps them to versions
function protocolMethod(sp, min, max) {
  const m = /^(SSLv2|SSLv3|SSLv23|TLS|TLSv1|TLSv1_1|TLSv1_2)_(?:(?:server|client)_)?method$/.exec(sp);
  if (!m) throw new codes.ERR_TLS_INVALID_PROTOCOL_METHOD(`Unknown method: ${sp}`);
  switch (m[1]) {
    case 'SSLv2': throw new codes.ERR_TLS_INVALID_PROTOCOL_METHOD('SSLv2 methods disabled');
    case 'SSLv3': throw new codes.ERR_TLS_INVALID_PROTOCOL_METHOD('SSLv3 methods disabled');
    case 'SSLv23': return [min, VERSIONS['TLSv1.2']];
    case 'TLS': return [0, VERSIONS['TLSv1.3']];
    case 'TLSv1': return [VERSIONS.TLSv1, VERSIONS.TLSv1];
    case 'TLSv1_1': return [VERSIONS['TLSv1.1'], VERSIONS['TLSv1.1']];
    default: return [VERSIONS['TLSv1.2'], VERSIONS['TLSv1.2']];
  }
}

class SecureContext {
  constructor(options = {}) {
    const sp = options.secureProtocol;
    if (sp) {
      if (options.minVersion != null) throw new codes.ERR_TLS_PROTOCOL_VERSION_CONFLICT(options.minVersion, sp);
      if (options.maxVersion != null) throw new codes.ERR_TLS_PROTOCOL_VERSION_CONFLICT(options.maxVersion, sp);
    }
    this.context = binding.ctxNew();
    const ctx = this.context;
    const minVersion = options.minVersion || module.exports.DEFAULT_MIN_VERSION;
    const maxVersion = options.maxVersion || module.exports.DEFAULT_MAX_VERSION;
    for (const [v, which] of [[minVersion, 'minimum'], [maxVersion, 'maximum']]) {
      if (!(v in VERSIONS)) throw new codes.ERR_TLS_INVALID_PROTOCOL_VERSION(v, which);
    }
    let min = VERSIONS[minVersion];
    let max = VERSIONS[maxVersion];
    if (typeof sp === 'string') [min, max] = protocolMethod(sp, min, max);
    binding.ctxSetProtoRange(ctx, min, max);
    // honorCipherOrder is SSL_OP_CIPHER_SERVER_PREFERENCE
    if (options.honorCipherOrder) binding.ctxConfigure(ctx, 'options', 0x400000);
    try {
      binding.ctxSetCiphers(ctx, options.ciphers || module.exports.DEFAULT_CIPHERS);
    } catch (e) {
      throw new codes.ERR_SSL_NO_CIPHER_MATCH();
    }
    if (options.ca !== undefined && options.ca !== null) {
      for (const c of [].concat(options.ca)) binding.ctxAddCA(ctx, toBytes(c, 'ca'));
    } else {
      // NODE_EXTRA_CA_CERTS joins the shared system store when it is first
      // loaded (once per thread), as Node reads it once
      let extraPem = null;
      if (!systemStoreLoaded) {
        systemStoreLoaded = true;
        const extra = process.env.NODE_EXTRA_CA_CERTS;
        if (extra) {
          try { extraPem = require('fs').readFileSync(extra); } catch {}
        }
      }
      binding.ctxUseSystemCA(ctx, extraPem);
    }
    if (options.cert !== undefined && options.cert !== null) {
      for (const c of [].concat(options.cert)) binding.ctxSetCert(ctx, toBytes(c, 'cert'));
    }
    if (options.key !== undefined && options.key !== null) {
      for (const k of [].concat(options.key)) {
        if (k && typeof k === 'object' && !(k instanceof Uint8Array) && k.pem !== undefined) {
          binding.ctxSetKey(ctx, toBytes(k.pem, 'key'), k.passphrase ?? options.passphrase ?? null);
        } else {
          binding.ctxSetKey(ctx, toBytes(k, 'key'), options.passphrase ?? null);
        }
      }
    }
    const { validateString, validateInteger, validateInt32 } = require('internal/validators');
    if (options.crl !== undefined && options.crl !== null) {
      for (const crl of [].concat(options.crl)) {
        if (!binding.ctxConfigure(ctx, 'crl', toBytes(crl, 'crl'))) {
          throw new codes.ERR_CRYPTO_OPERATION_FAILED('Failed to parse CRL');
        }
      }
    }
    if (options.sigalgs !== undefined && options.sigalgs !== null) {
      validateString(options.sigalgs, 'options.sigalgs');
      if (options.sigalgs === '') throw new codes.ERR_INVALID_ARG_VALUE('options.sigalgs', options.sigalgs);
      // as Node: OpenSSL leaves no error in the queue for a bad list
      if (!binding.ctxConfigure(ctx, 'sigalgs', options.sigalgs)) throw new Error('error:00000000:lib(0)::reason(0)');
    }
    const ecdhCurve = options.ecdhCurve ?? module.exports.DEFAULT_ECDH_CURVE;
    validateString(ecdhCurve, 'options.ecdhCurve');
    if (!binding.ctxConfigure(ctx, 'curves', ecdhCurve)) throw new codes.ERR_CRYPTO_OPERATION_FAILED('Failed to set ECDH curve');
    if (options.dhparam !== undefined && options.dhparam !== null) {
      binding.ctxConfigure(ctx, 'dhparam', options.dhparam === 'auto' ? 'auto' : toBytes(options.dhparam, 'dhparam'));
    }
    if (options.secureOptions !== undefined && options.secureOptions !== null) {
      validateInteger(options.secureOptions, 'secureOptions');
      binding.ctxConfigure(ctx, 'options', options.secureOptions);
    }
    // PKCS#12: a Buffer (or string), or an array of them or of { buf, passphrase }
    const pfx = options.pfx;
    if (pfx !== undefined && pfx !== null) {
      const toBuf = (v) => (typeof v === 'string' ? B().from(v) : v);
      const list = Array.isArray(pfx) ? pfx : [pfx];
      for (const val of list) {
        const raw = Array.isArray(pfx) && val && val.buf ? val.buf : val;
        const pass = (Array.isArray(pfx) && val && val.passphrase) || options.passphrase;
        binding.ctxLoadPKCS12(ctx, toBuf(raw), pass === undefined || pass === null ? undefined : `${pass}`);
      }
    }
    if (options.ticketKeys !== undefined && options.ticketKeys !== null) {
      const k = options.ticketKeys;
      if (k.byteLength !== 48) throw new codes.ERR_INVALID_ARG_VALUE('options.ticketKeys', k.byteLength, 'must be exactly 48 bytes');
      binding.ctxConfigure(ctx, 'ticketKeys', k);
    }
    if (options.sessionIdContext) {
      validateString(options.sessionIdContext, 'options.sessionIdContext');
      binding.ctxConfigure(ctx, 'sidctx', options.sessionIdContext);
    }
    if (options.sessionTimeout !== undefined && options.sessionTimeout !== null) {
      validateInt32(options.sessionTimeout, 'options.sessionTimeout');
      binding.ctxConfigure(ctx, 'timeout', options.sessionTimeout);
    }
  }
}

function createSecureContext(options) { return new SecureContext(options); }

// As Node's _tls_common.translatePeerCertificate: issuer chain translated,
// infoAccess text ("OCSP - URI:http://...\n") into { key: [values] }.
function translatePeerCertificate(c) {
  if (!c) return null;
  if (c.issuerCertificate != null && c.issuerCertificate !== c) {
    c.issuerCertificate = translatePeerCertificate(c.issuerCertificate);
  }
  if (c.infoAccess != null) {
    const info = c.infoAccess;
    c.infoAccess = { __proto__: null };
    info.replace(/([^\n:]*):([^\n]*)(?:\n|$)/g, (all, key, val) => {
      if (val.charCodeAt(0) === 0x22) val = JSON.parse(val);
      if (key in c.infoAccess) c.infoAccess[key].push(val);
      else c.infoAccess[key] = [val];
    });
  }
  return c;
}

function unfqdn(host) { return host.replace(/[.]$/, ''); }
function splitHost(host) { return unfqdn(host).toLowerCase().split('.'); }

function check(hostParts, pattern, wildcards) {
  if (!pattern) return false;
  const patternParts = splitHost(pattern);
  if (hostParts.length !== patternParts.length) return false;
  if (patternParts.includes('')) return false;
  if (patternParts.some((s) => /[^\u0021-\u007F]/u.test(s))) return false;
  for (let i = hostParts.length - 1; i > 0; i -= 1) if (hostParts[i] !== patternParts[i]) return false;
  const hostSubdomain = hostParts[0];
  const patternSubdomain = patternParts[0];
  const patternSubdomainParts = patternSubdomain.split('*');
  if (patternSubdomainParts.length === 1 || patternSubdomain.includes('xn--')) return hostSubdomain === patternSubdomain;
  if (!wildcards) return false;
  if (patternSubdomainParts.length > 2) return false;
  if (patternParts.length <= 2) return false;
  const [prefix, suffix] = patternSubdomainParts;
  if (prefix.length + suffix.length > hostSubdomain.length) return false;
  return hostSubdomain.startsWith(prefix) && hostSubdomain.endsWith(suffix);
}

function canonicalizeIP(ip) {
  if (!ip.includes(':')) return ip;
  try { return new URL(`http://[${ip}]/`).hostname.slice(1, -1); } catch { return ip; }
}

function checkServerIdentity(hostname, cert) {
  const subject = cert.subject;
  const altNames = cert.subjectaltname;
  const dnsNames = [];
  const ips = [];
  hostname = `${hostname}`;
  if (altNames) {
    for (const name of altNames.split(', ')) {
      if (name.startsWith('DNS:')) dnsNames.push(name.slice(4));
      else if (name.startsWith('IP Address:')) ips.push(canonicalizeIP(name.slice(11)));
    }
  }
  let valid = false;
  let reason = 'Unknown reason';
  hostname = unfqdn(hostname);
  if (require('net').isIP(hostname)) {
    valid = ips.includes(canonicalizeIP(hostname));
    if (!valid) reason = `IP: ${hostname} is not in the cert's list: ${ips.join(', ')}`;
  } else if (dnsNames.length > 0 || subject?.CN) {
    const hostParts = splitHost(hostname);
    const wildcard = (pattern) => check(hostParts, pattern, true);
    if (dnsNames.length > 0) {
      valid = dnsNames.some(wildcard);
      if (!valid) reason = `Host: ${hostname}. is not in the cert's altnames: ${altNames}`;
    } else {
      const cn = subject.CN;
      valid = Array.isArray(cn) ? cn.some(wildcard) : wildcard(cn);
      if (!valid) reason = `Host: ${hostname}. is not cert's CN: ${cn}`;
    }
  } else {
    reason = 'Cert does not contain a DNS name';
  }
  if (!valid) {
    const err = new codes.ERR_TLS_CERT_ALTNAME_INVALID(reason);
    err.reason = reason;
    err.host = hostname;
    err.cert = cert;
    return err;
  }
  return undefined;
}

let roots;
function rootCertificates() {
  if (roots) return roots;
  let text = '';
  for (const f of ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/cert.pem']) {
    try { text = require('fs').readFileSync(f, 'latin1'); break; } catch {}
  }
  roots = Object.freeze(text.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) || []);
  return roots;
}

module.exports = {
  SecureContext, createSecureContext, checkServerIdentity, convertALPNProtocols, rootCertificates,
  toBytes, DEFAULT_CIPHERS, DEFAULT_MIN_VERSION: 'TLSv1.2', DEFAULT_MAX_VERSION: 'TLSv1.3', DEFAULT_ECDH_CURVE: 'auto',
  codes, translatePeerCertificate,
};
