// A named import that the CommonJS module does not (detectably) export.
import { notThere } from "./dyn.cjs";
console.log(notThere);
