'use strict';
// process — require('process') / import 'node:process': the process object.

module.exports = process;
