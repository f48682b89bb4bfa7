// Errors print their stack (paths shown as <dir> by the runner) and extra props.
const e = new Error("plain");
console.log(String(e), e.message, e.name);
const t = new TypeError("typed"); t.code = "E_CODE"; t.extra = { n: 1 };
console.log(Object.keys(t), t.code);
const s = require("util").inspect(t).split("\n");
console.log(s[0], s[1].trim().startsWith("at "), s[s.length - 2], s[s.length - 1]);
const nostack = new RangeError("no stack"); nostack.stack = undefined;
console.log(require("util").inspect(nostack));
const custom = new Error("x"); custom.name = "CustomName";
console.log(require("util").inspect(custom).split("\n")[0]);
class MyError extends Error { constructor(m) { super(m); this.name = "MyError"; } }
console.log(require("util").inspect(new MyError("sub")).split("\n")[0]);
const withCause = new Error("outer", { cause: new Error("inner") });
console.log(withCause.cause.message, require("util").inspect(withCause).includes("[cause]: Error: inner"));
console.log([new Error("in array")].length, { e: 1 });
const o = { stack: "fake stack", message: "m" };
console.log(o);
console.log(new AggregateError([new Error("a")], "agg").errors.length);
