const a = require("./a");
console.log("b: partial a =", a);
module.exports = { fromB: true, sawLate: "late" in a };
