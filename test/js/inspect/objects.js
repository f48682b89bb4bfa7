// Plain objects: nesting and depth, line breaking, getters, null prototype.
console.log({}, { a: 1 }, { a: { b: { c: { d: 1 } } } });
console.log({ a: { b: { c: {} } } }, { a: { b: { c: [] } } }, { a: { b: { c: [1] } } });
console.log({ one: 1, two: "two", three: [3], four: { four: 4 }, five: null, six: undefined, seven: "seven seven" });
console.log({ get g() { return 1; }, set s(v) {}, get gs() { return 2; }, set gs(v) {} });
const np = Object.create(null); np.x = 1;
console.log(np, Object.create(null));
console.log({ f() {}, g: function () {}, h: () => {}, k: class K {}, l: async () => {}, m: function* gen() {} });
const o = {}; Object.defineProperty(o, "hidden", { value: 1, enumerable: false }); o.shown = 2;
console.log(o);
console.log({ [Symbol("s")]: "symbol key", [Symbol.toStringTag]: "Tagged" });
console.log(Object.assign(Object.create({ inherited: 1 }), { own: 2 }));
