// An unhandled MODULE_NOT_FOUND ends the process with exit 1.
console.log("before");
require("./definitely-missing");
console.log("not reached");
