'use strict';
// _tls_common — Node's legacy module id for secure contexts
// (require('_tls_common')): SecureContext, createSecureContext and
// translatePeerCertificate (issuer chain and infoAccess made into objects).

const ctxmod = require('internal/tls/context');

module.exports = {
  SecureContext: ctxmod.SecureContext,
  createSecureContext: ctxmod.createSecureContext,
  translatePeerCertificate: ctxmod.translatePeerCertificate,
};
