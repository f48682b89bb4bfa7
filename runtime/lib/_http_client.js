'use strict';
// _http_client — legacy http internals: ClientRequest.

module.exports = { ClientRequest: require('http').ClientRequest };
