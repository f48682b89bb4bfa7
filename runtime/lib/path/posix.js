'use strict';
// path/posix — require('path/posix').

module.exports = require('path').posix;
