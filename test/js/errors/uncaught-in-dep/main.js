// An exception thrown while loading a required module names that module.
console.log("main");
require("./dep");
