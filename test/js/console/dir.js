// console.dir with options; it ignores custom inspect only when asked to.
const deep = { a: { b: { c: { d: { e: 1 } } } } };
console.dir(deep);
console.dir(deep, { depth: 0 });
console.dir(deep, { depth: null });
console.dir("a string");
console.dirxml({ x: 1 }, [2]);
