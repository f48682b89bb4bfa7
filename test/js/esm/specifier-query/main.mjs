// A query or fragment makes a distinct module instance.
import { id as a } from "./counter.mjs";
import { id as b } from "./counter.mjs?second";
import { id as c } from "./counter.mjs#frag";
const d = (await import("./counter.mjs?second")).id;
console.log(a, b, c, d);
