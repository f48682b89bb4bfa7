// console.assert prints to stderr only when the assertion fails, never throws.
console.assert(true, "not printed");
console.assert(1 === 2, "failed with %s", "format");
console.assert(false);
console.assert(0, { obj: 1 });
console.log("still running");
