'use strict';
// path/win32 — require('path/win32').

module.exports = require('path').win32;
