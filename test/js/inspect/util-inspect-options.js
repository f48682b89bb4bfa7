// util.inspect options and util.format.
const util = require("util");
const o = { a: [1, 2, { b: "c" }], s: "str", n: 1 };
console.log(util.inspect(o, { compact: false }));
console.log(util.inspect(o, { breakLength: Infinity, compact: true }));
console.log(util.inspect(o, { colors: true }));
console.log(util.inspect(Array.from({ length: 10 }, (_, i) => i), { maxArrayLength: 3 }));
console.log(util.inspect("x".repeat(30), { maxStringLength: 5 }));
console.log(util.inspect({ b: 1, a: 2, c: { z: 1, y: 2 } }, { sorted: true }));
console.log(util.inspect(new Map([[1, 2]]), { showHidden: true }));
console.log(util.inspect({ get x() { return 1; } }, { getters: true }));
console.log(util.format("%s|%d|%i|%f|%j|%o|%%|%x", "s", "7", 7.9, "2.5", [1], "o"), util.format(1, "a", { b: 2 }));
console.log(util.format("%s", { a: { b: { c: 1 } } }), util.format("%s", 5n), util.format("%d", 5n), util.format("%s", Symbol("q")));
console.log(util.format("%O", { deep: { deeper: { deepest: {} } } }), util.format("no args %s"));
