// A dependency's own dependency resolves from its nested node_modules first.
console.log(require("outer"));
