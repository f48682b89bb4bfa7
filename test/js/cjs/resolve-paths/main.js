// require.resolve(request, { paths }) and require.resolve.paths().
const path = require("path");
const rel = (p) => path.relative(__dirname, p);
console.log(rel(require.resolve("thing", { paths: [path.join(__dirname, "elsewhere")] })));
console.log(rel(require.resolve("./x", { paths: [path.join(__dirname, "elsewhere")] })));
try { require.resolve("thing"); } catch (e) { console.log("without paths:", e.code); }
const p = require.resolve.paths("anything");
console.log(Array.isArray(p), p.slice(0, 2).map(rel));
console.log(p.includes(path.join(path.parse(__dirname).root, "node_modules")));
console.log(require.resolve.paths("fs"), require.resolve.paths("./rel").map(rel));
