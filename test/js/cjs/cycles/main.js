// A require cycle sees the partial exports of the module still loading.
console.log("main: loading a");
const a = require("./a");
console.log("main: a =", a);
