exports.early = "a early";
const b = require("./b");
console.log("a: b =", b);
exports.late = "a late";
