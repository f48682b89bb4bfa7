'use strict';
// http2 — HTTP/2 client and server (Node's core http2 API) on nghttp2:
// sessions and streams in internal/http2/core, the http/1-style
// compatibility API in internal/http2/compat, headers and settings helpers
// in internal/http2/util. See docs/runtime-network.md for what is missing.

const core = require('internal/http2/core');
const util = require('internal/http2/util');
const constants = require('internal/http2/constants');
const compat = require('internal/http2/compat');

module.exports = {
  connect: core.connect,
  constants,
  createServer: core.createServer,
  createSecureServer: core.createSecureServer,
  getDefaultSettings: util.getDefaultSettings,
  getPackedSettings: util.getPackedSettings,
  getUnpackedSettings: util.getUnpackedSettings,
  performServerHandshake: core.performServerHandshake,
  sensitiveHeaders: util.kSensitiveHeaders,
  Http2ServerRequest: compat.Http2ServerRequest,
  Http2ServerResponse: compat.Http2ServerResponse,
};
