// .js, .cjs and .json; .js is tried before .json for a bare name.
console.log(require("./data.json"), require("./conf"), require("./lib.cjs"));
console.log(require("./both"));
console.log(require("./data.json") === require("./data"));
