'use strict';
// assert/strict: the strict assertion mode (equal is strictEqual, ...).

module.exports = require('assert').strict;
