// Primitives at top level and nested (strings are quoted only when nested).
const vals = ["str", 42, -0, 0, NaN, Infinity, -Infinity, 1e21, 1.5e-7, 123n, true, null, undefined, Symbol("desc"), Symbol(), Symbol.iterator];
for (const v of vals) console.log(v);
console.log(vals);
console.log([-0], { z: -0 });
