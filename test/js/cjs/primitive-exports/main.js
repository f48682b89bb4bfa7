// module.exports may be any value.
console.log(require("./num"), require("./str"), require("./nul"), require("./undef"), typeof require("./sym"));
