'use strict';
// _tls_wrap — Node's legacy module id for the TLS socket and server
// (require('_tls_wrap')): TLSSocket, Server, createServer, connect, the same
// objects as require('tls') gives.

const tls = require('tls');

module.exports = {
  TLSSocket: tls.TLSSocket,
  Server: tls.Server,
  createServer: tls.createServer,
  connect: tls.connect,
};
