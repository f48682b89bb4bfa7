// An uncaught SyntaxError from new vm.Script: the decorated header, once.
const vm = require("vm");
new vm.Script("let let", { filename: "bad.js" });
