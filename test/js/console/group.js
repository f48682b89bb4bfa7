// console.group indents output (also for multi-line values) until groupEnd.
console.group("Level 1");
console.log("in 1");
console.group();
console.log({ multi: ["line", "object", "with", "enough", "entries", "to", "wrap", "across", "lines", "yes", "really"] });
console.groupEnd();
console.groupCollapsed("collapsed");
console.info("in collapsed");
console.groupEnd();
console.groupEnd();
console.groupEnd();  // extra groupEnd is harmless
console.log("back");
