// Importing CommonJS: default is module.exports; detectable exports are named.
import cjs, { alpha, beta } from "./exports.cjs";
import fn from "./fn.cjs";
import * as ns from "./exports.cjs";
import obj, { x } from "./literal.cjs";
console.log(cjs, alpha, beta);
console.log(typeof fn, fn());
console.log(Object.keys(ns).sort(), ns.default === cjs);
console.log(obj, x);
