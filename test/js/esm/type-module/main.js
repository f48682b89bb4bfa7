// "type": "module" makes .js files ES modules; .cjs stays CommonJS.
import { helper } from "./helper.js";
import cjs from "./legacy.cjs";
console.log(helper(), cjs, typeof require);
