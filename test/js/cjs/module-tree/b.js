require("./c");  // already loaded by a: not a child of b
console.log("b children:", module.children.length);
