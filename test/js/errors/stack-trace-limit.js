// Error.stackTraceLimit and Error.captureStackTrace.
function a(n) { return n ? a(n - 1) : new Error("deep").stack.split("\n").length; }
console.log(Error.stackTraceLimit, a(20));
Error.stackTraceLimit = 3;
console.log(a(20));
const o = {};
Error.captureStackTrace(o);
console.log(typeof o.stack, o.stack.split("\n")[0]);
function hidden() { const x = {}; Error.captureStackTrace(x, hidden); return x.stack; }
console.log(hidden().split("\n")[1].includes("hidden"));
