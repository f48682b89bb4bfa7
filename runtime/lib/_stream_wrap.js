'use strict';
// _stream_wrap — Node's legacy id for JSStreamSocket (a net.Socket over any
// Duplex, see internal/js_stream_socket); deprecated (DEP0125): loading it
// warns once, as Node 20 does.

module.exports = require('internal/js_stream_socket');

process.emitWarning('The _stream_wrap module is deprecated.', 'DeprecationWarning', 'DEP0125');
