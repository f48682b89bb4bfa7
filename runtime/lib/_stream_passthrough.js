'use strict';
// _stream_passthrough — legacy alias of stream.PassThrough.

module.exports = require('stream').PassThrough;
