// Names of default-exported anonymous functions and classes ("default").
import f from "./fn.mjs";
import C from "./cls.mjs";
import arrow from "./arrow.mjs";
console.log(f.name, C.name, arrow.name, f(), new C().constructor.name);
