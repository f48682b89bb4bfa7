// { ref: false } lets the process exit before the promise settles.
const tp = require("timers/promises");
tp.setTimeout(100000, null, { ref: false }).then(() => console.log("never"));
process.on("exit", () => console.log("exit without waiting"));
