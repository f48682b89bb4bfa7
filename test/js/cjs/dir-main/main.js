// package.json "main", with and without an extension; "main" naming a directory.
console.log(require("./withext"), require("./noext"), require("./maindir"));
console.log(require("./nomain"));
