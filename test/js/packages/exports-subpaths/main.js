// Subpath exports and patterns; unexported paths are refused.
console.log(require("lib-sub"), require("lib-sub/feature"), require("lib-sub/utils/a"), require("lib-sub/utils/deep/b"));
for (const p of ["lib-sub/private/secret", "lib-sub/lib/feature.js", "lib-sub/utils/internal/x"]) {
  try { require(p); console.log(p, "loaded"); }
  catch (e) { console.log(p, e.code); }
}
