// createRequire gives ES modules a CommonJS require.
import { createRequire } from "module";
const require = createRequire(import.meta.url);
console.log(require("path").sep, typeof require.resolve, typeof require.cache);
console.log(require("node:module").createRequire === createRequire);
