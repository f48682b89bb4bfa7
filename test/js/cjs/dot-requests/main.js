// require(".") and require("..") resolve directories relative to the module.
console.log(require("./sub/child.js"));
