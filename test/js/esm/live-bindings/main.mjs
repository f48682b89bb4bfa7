// Imports are live bindings, and read-only.
import { count, inc } from "./counter.mjs";
console.log(count); inc(); inc(); console.log(count);
try { count = 5; } catch (e) { console.log(e.name); }
