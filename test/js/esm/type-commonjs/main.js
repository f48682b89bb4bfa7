// "type": "commonjs" (and no type) keeps .js as CommonJS; .mjs is ESM.
console.log(typeof require, typeof module);
import("./m.mjs").then((ns) => console.log(ns.x));
