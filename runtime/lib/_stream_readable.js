'use strict';
// _stream_readable — legacy alias of stream.Readable.

module.exports = require('stream').Readable;
