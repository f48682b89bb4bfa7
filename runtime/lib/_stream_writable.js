'use strict';
// _stream_writable — legacy alias of stream.Writable.

module.exports = require('stream').Writable;
