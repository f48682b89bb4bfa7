// Top-level await: dependants wait for an awaiting module.
console.log("main start");
import { ready } from "./slow.mjs";
console.log("main sees", ready);
const v = await new Promise((r) => setTimeout(() => r("timer value"), 5));
console.log(v);
