'use strict';
// _http_incoming — legacy http internals: IncomingMessage.

module.exports = { IncomingMessage: require('http').IncomingMessage };
