// import() returns a promise of the namespace; modules are evaluated once.
const p = import("./lazy.mjs");
console.log("before await", p instanceof Promise);
const ns = await p;
const again = await import("./lazy.mjs");
console.log(ns === again, ns.value, ns.default);
const spec = "./lazy" + ".mjs";
console.log((await import(spec)).value);
const fs = await import("fs");
console.log(typeof fs.readFileSync, typeof fs.default.readFileSync);
