// module.require, createRequire, require.extensions keys.
const { createRequire } = require("module");
const path = require("path");
console.log(module.require("./dep"), module.require === undefined);
const r = createRequire(path.join(__dirname, "sub", "anchor.js"));
console.log(r("./nested"), path.relative(__dirname, r.resolve("./nested")));
console.log(Object.keys(require.extensions).sort());
console.log(typeof module.constructor, module.constructor === require("module"));
