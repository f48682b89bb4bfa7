// Importing a name that an ES module does not export is a SyntaxError at link time.
import { nope } from "./lib.mjs";
console.log("not reached", nope);
