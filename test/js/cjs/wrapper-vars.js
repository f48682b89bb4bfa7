// The CommonJS wrapper: exports, require, module, __filename, __dirname.
const path = require("path");
console.log(arguments.length, typeof exports, typeof require, typeof module);
console.log(this === module.exports, exports === module.exports);
console.log(path.basename(__filename), __dirname === path.dirname(__filename));
console.log(path.isAbsolute(__filename), __dirname === process.cwd());
console.log(module.id, module.filename === __filename, module.loaded);
console.log(typeof require.resolve, typeof require.cache, require.main === module);
setImmediate(() => console.log("loaded later:", module.loaded));
