// Static imports: default, named, namespace, renamed, re-exports.
import def, { a, b as renamed } from "./lib.mjs";
import * as ns from "./lib.mjs";
import { fromStar, again } from "./reexport.mjs";
console.log(def, a, renamed);
console.log(ns);
console.log(fromStar, again, Object.keys(ns));
