// Dates, RegExps, boxed primitives, promises, proxies, arguments, globals.
console.log(new Date(0), new Date(1700000000123), new Date(NaN));
console.log(/re/g, new RegExp("a/b", "imsuy"), [/x/]);
console.log(new Number(3), new String("str"), new Boolean(false), Object(Symbol("s")), Object(1n));
console.log(Promise.resolve(1), Promise.reject(new Error("r")).catch(() => {}) && "caught", new Promise(() => {}));
const rejected = Promise.reject(3); rejected.catch(() => {});
console.log(rejected);
console.log(new Proxy({ target: 1 }, {}), new Proxy([1, 2], {}), new Proxy(function f() {}, {}));
(function () { console.log(arguments); })(1, "a");
console.log(Math, JSON, Reflect, globalThis === global);
console.log([new WeakRef({})].length, typeof FinalizationRegistry);
console.log(Object(Symbol.iterator), [function () {}], { date: new Date(86400000) });
