// Where util.inspect breaks lines: 80 columns (breakLength) and the "compact: 3"
// rule that keeps up to three short inner entries on one line.
const word = (n) => "w".repeat(n);
console.log({ a: word(20), b: word(20) });                  // short: one line
console.log({ a: word(30), b: word(30) });                  // near the limit
console.log({ a: word(35), b: word(35) });                  // over it: one key per line
console.log({ outer: { a: 1, b: 2, c: 3 } });
console.log({ outer: { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: 11, l: 12, m: 13 } });
console.log([{ id: 1, name: "one" }, { id: 2, name: "two" }, { id: 3, name: "three" }, { id: 4, name: "four" }]);
console.log([[1, 2, [3, 4, [5, [6]]]], { x: [1, { y: [2, { z: 3 }] }] }]);
console.log({ fn: function namedFunction() {}, arr: new Array(7).fill("seven"), s: new Set(["a", "b"]) });
console.log(Array.from({ length: 7 }, (_, i) => "item-" + i), Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i)));
console.log({ k1: "v".repeat(16), k2: "v".repeat(16), k3: "v".repeat(16), k4: "v" });
console.log([1.5, -2.25, 1000000, 3, 44, 555, 6666, 77777, 888888, 9999999]);
