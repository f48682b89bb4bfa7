// A directory resolves to its index.js (with or without a trailing slash).
console.log(require("./lib"), require("./lib/"), require("./lib") === require("./lib/index.js"));
console.log(require("./jsononly"));
