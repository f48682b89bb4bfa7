// module.exports replacement vs exports.x assignments.
console.log(require("./a"), require("./b"), require("./c"));
console.log(typeof require("./fn"), require("./fn")());
