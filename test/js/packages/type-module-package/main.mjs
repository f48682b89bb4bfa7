// A "type": "module" package with "main"; its .cjs file stays CommonJS.
import pkg, { greet } from "modpkg";
import legacy from "modpkg/legacy";
console.log(pkg, greet("x"), legacy);
