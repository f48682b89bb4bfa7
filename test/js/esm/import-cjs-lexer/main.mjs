// Which CommonJS exports become named ESM exports (Node's cjs-module-lexer):
// the patterns compilers emit are detected; computed ones are not.
import * as plain from "./plain.cjs";
import * as ts from "./typescript.cjs";
import * as reexp from "./reexport.cjs";
import * as star from "./star.cjs";
import * as dynamic from "./dynamic.cjs";
const keys = (ns) => Object.keys(ns).sort().join(",");
console.log("plain:", keys(plain));
console.log("typescript:", keys(ts), ts.default.__esModule, ts.helper());
console.log("reexport:", keys(reexp));
console.log("star:", keys(star));
console.log("dynamic:", keys(dynamic), dynamic.default.computed);
