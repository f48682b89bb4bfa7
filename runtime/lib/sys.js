'use strict';
// sys — the deprecated alias of util (DEP0025), as Node.

process.emitWarning('sys is deprecated. Use util instead.', 'DeprecationWarning', 'DEP0025');
module.exports = require('util');
