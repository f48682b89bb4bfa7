'use strict';
// dns/promises — require('dns').promises.
module.exports = require('dns').promises;
