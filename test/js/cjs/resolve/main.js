// require.resolve gives absolute filenames; builtins resolve to their name.
const path = require("path");
const rel = (p) => path.relative(__dirname, p);
console.log(rel(require.resolve("./lib")), rel(require.resolve("./lib/util")));
console.log(rel(require.resolve("dep")), rel(require.resolve("dep/extra.json")));
console.log(require.resolve("fs"), require.resolve("node:fs"));
try { require.resolve("./missing"); } catch (e) { console.log(e.code); }
console.log(Object.keys(require.cache).length, "module(s) in cache: resolve does not load");
