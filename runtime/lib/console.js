'use strict';
// console — require('console'): the global console object, as Node.

module.exports = globalThis.console;
