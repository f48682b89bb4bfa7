// Map, Set, WeakMap, WeakSet and their iterators.
const m = new Map([["a", 1], [{ k: 1 }, [2]], [3, new Map([["inner", true]])]]);
console.log(m, new Map(), new Set([1, "two", { three: 3 }]), new Set());
console.log(new WeakMap(), new WeakSet());
console.log(m.keys(), m.values(), m.entries(), new Set([1, 2]).values());
console.log([1, 2, 3][Symbol.iterator](), "ab"[Symbol.iterator](), new Map([[1, 2]])[Symbol.iterator]());
const big = new Map(Array.from({ length: 120 }, (_, i) => [i, i]));
console.log(big.size, String(require("util").inspect(big)).split("\n").slice(-2));
