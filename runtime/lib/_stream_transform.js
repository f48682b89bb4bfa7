'use strict';
// _stream_transform — legacy alias of stream.Transform.

module.exports = require('stream').Transform;
