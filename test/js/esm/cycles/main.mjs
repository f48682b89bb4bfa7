// ESM cycles: hoisted functions work across the cycle; let bindings in TDZ throw.
import { a, callB } from "./a.mjs";
console.log(a, callB());
