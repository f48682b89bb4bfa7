'use strict';
// module — the public face of the CommonJS loader (require('module')):
// Module, builtinModules, createRequire, isBuiltin, wrap, _cache, ...

module.exports = require('internal/modules/cjs/loader');
