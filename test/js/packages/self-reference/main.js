// A package can require itself by name through its own "exports".
console.log(require("./lib/uses-self.js"));
