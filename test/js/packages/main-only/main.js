// An old-style package: "main" only, deep requires allowed, scoped package.
console.log(require("oldpkg"), require("oldpkg/lib/deep"), require("@scope/pkg"));
console.log(require("oldpkg/package.json").version);
