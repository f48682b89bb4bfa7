// "exports" conditions: require -> CJS build, import -> ESM build.
const path = require("path");
console.log(require("dual").kind, path.relative(__dirname, require.resolve("dual")));
import("dual").then((ns) => console.log(ns.kind, ns.default));
