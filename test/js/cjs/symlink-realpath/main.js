// Modules are identified by their real path: requiring through a symlink
// gives the same module, and __filename is the target (no --preserve-symlinks).
// The symlinks are made at run time (the runner copies files, not links).
const fs = require("fs");
const path = require("path");
fs.symlinkSync("real", path.join(__dirname, "linked"), "dir");
fs.mkdirSync(path.join(__dirname, "node_modules"));
fs.symlinkSync("../pkgsrc", path.join(__dirname, "node_modules", "linkedpkg"), "dir");
const a = require("./real/mod.js");
const b = require("./linked/mod.js");
console.log(a === b, path.relative(__dirname, b.file));
const p = require("linkedpkg");
console.log(p.name, path.relative(__dirname, p.file), path.relative(__dirname, require.resolve("linkedpkg")));
