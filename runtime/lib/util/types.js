'use strict';
// util/types — require('util/types').

module.exports = require('util').types;
