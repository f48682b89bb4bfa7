// Node does no Babel interop: default is module.exports even with __esModule.
import def, * as ns from "./transpiled.cjs";
console.log(def, ns.default === def, ns.named);
