'use strict';
// _http_server — legacy http internals: Server, ServerResponse, STATUS_CODES.

const http = require('http');
module.exports = { Server: http.Server, ServerResponse: http.ServerResponse, STATUS_CODES: http.STATUS_CODES };
