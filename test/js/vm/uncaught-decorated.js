// An uncaught error from vm code: Node's file:line / source / caret header, once.
const vm = require("vm");
console.log("before");
vm.runInThisContext("1;\nthrow new Error(\"boom\")", { filename: "x.vm" });
