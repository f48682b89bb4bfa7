// require() of an ES module.  The reference (Node 20.20) loads a synchronous
// ES module and returns its namespace; one with top-level await fails with
// ERR_REQUIRE_ASYNC_MODULE.  (Node < 20.19 threw ERR_REQUIRE_ESM for all.)
for (const p of ["./esm.mjs", "./typemod/index.js", "./tla.mjs"]) {
  try { const ns = require(p); console.log("loaded", p, ns); }
  catch (e) { console.log(p, e.name, e.code); }
}
import("./esm.mjs").then((ns) => console.log("import() works:", ns.default));
