// A UTF-8 byte order mark at the start of a .js or .json file is ignored.
console.log(require("./with-bom.js"), require("./with-bom.json"));
