'use strict';
// _http_outgoing — legacy http internals: OutgoingMessage.

module.exports = { OutgoingMessage: require('http').OutgoingMessage };
