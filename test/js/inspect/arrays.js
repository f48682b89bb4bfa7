// Arrays: short, long (grouped), sparse, with extra properties, > 100 items.
console.log([1, 2, 3], [], [[]], [[1, [2, [3, [4, [5]]]]]]);
console.log(Array.from({ length: 30 }, (_, i) => i * 3));
console.log(Array.from({ length: 120 }, (_, i) => i));
console.log([1, , 3, , , 6], new Array(5), [undefined, null]);
const a = [1, 2]; a.extra = "prop"; a[-1] = "neg";
console.log(a);
console.log(["short", "strings", "in", "a", "longer", "array", "that", "groups", "into", "columns", "nicely", "yes", "more", "words", "here", "ok", "end"]);
console.log([{ a: 1, b: 2 }, { a: 3, b: 4 }], [[1, 2], [3, 4]]);
