// The same dual package seen from an ES module.
import { kind } from "dual";
import { createRequire } from "module";
const require = createRequire(import.meta.url);
console.log(kind, require("dual").kind, require("dual/package.json").version);
