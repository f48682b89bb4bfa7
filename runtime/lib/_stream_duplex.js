'use strict';
// _stream_duplex — legacy alias of stream.Duplex.

module.exports = require('stream').Duplex;
