'use strict';
// internal/tls/x509 — crypto.X509Certificate on the certificate parser of
// internalBinding('tls_wrap') (certFromPem): PEM or DER input, the name,
// date, fingerprint and serial fields as Node prints them, checkHost/checkIP,
// toString (PEM), toLegacyObject.  crypto.js exports it.

const binding = internalBinding('tls_wrap');

function B() { return require('buffer').Buffer; }

function toPem(input) {
  const buf = typeof input === 'string' ? B().from(input) : B().from(input.buffer, input.byteOffset, input.byteLength);
  if (buf.includes('-----BEGIN')) return buf;
  const b64 = buf.toString('base64').replace(/.{64}/g, '$&\n');
  return B().from(`-----BEGIN CERTIFICATE-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`);
}

function nameString(o) {
  const lines = [];
  for (const k of Object.keys(o)) for (const v of [].concat(o[k])) lines.push(`${k}=${v}`);
  return lines.join('\n');
}

class X509Certificate {
  constructor(buffer) {
    if (typeof buffer !== 'string' && !ArrayBuffer.isView(buffer)) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_ARG_TYPE('buffer', ['string', 'instance of Buffer', 'TypedArray', 'DataView'], buffer);
    }
    const pem = toPem(buffer);
    const c = binding.certFromPem(pem);
    if (!c) {
      const e = new Error('error:0680007B:asn1 encoding routines::header too long');
      e.code = 'ERR_OSSL_ASN1_HEADER_TOO_LONG';
      throw e;
    }
    this._c = c;
    const der = c.raw;
    this._raw = B().from(der.buffer, der.byteOffset, der.byteLength);
  }
  get subject() { return nameString(this._c.subject); }
  get issuer() { return nameString(this._c.issuer); }
  get subjectAltName() { return this._c.subjectaltname; }
  get infoAccess() { return undefined; }
  get validFrom() { return this._c.valid_from; }
  get validTo() { return this._c.valid_to; }
  get fingerprint() { return this._c.fingerprint; }
  get fingerprint256() { return this._c.fingerprint256; }
  get fingerprint512() { return this._c.fingerprint512; }
  get serialNumber() { return this._c.serialNumber; }
  get ca() { return this._c.ca; }
  get raw() { return this._raw; }
  get publicKey() {
    return require('crypto').createPublicKey(binding.certPublicKey(B().from(this.toString())));
  }
  checkHost(name) {
    const { checkServerIdentity } = require('internal/tls/context');
    return checkServerIdentity(name, { subject: this._c.subject, subjectaltname: this._c.subjectaltname }) ? undefined : name;
  }
  checkIP(ip) {
    const alt = this._c.subjectaltname || '';
    return alt.split(', ').some((n) => n === `IP Address:${ip}`) ? ip : undefined;
  }
  checkEmail(email) {
    const alt = this._c.subjectaltname || '';
    return alt.split(', ').some((n) => n.toLowerCase() === `email:${email}`.toLowerCase()) ? email : undefined;
  }
  checkIssued(other) { return this.issuer === other.subject; }
  toString() {
    const b64 = this._raw.toString('base64').replace(/.{64}/g, '$&\n');
    return `-----BEGIN CERTIFICATE-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`;
  }
  toJSON() { return this.toString(); }
  toLegacyObject() { return { ...this._c, raw: this._raw }; }
}

module.exports = { X509Certificate };
