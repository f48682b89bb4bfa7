// A package.json "main" that does not exist falls back to index.js, with a
// DeprecationWarning (DEP0128).
process.on("warning", (w) => console.log("warning:", w.name, w.code));
console.log(require("./pkg"));
