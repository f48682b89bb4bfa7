'use strict';
// _http_common — legacy http internals: methods and token checks.

const c = require('internal/http/common');
module.exports = { methods: c.METHODS, _checkIsHttpToken: c.checkIsHttpToken, _checkInvalidHeaderChar: c.checkInvalidHeaderChar };
