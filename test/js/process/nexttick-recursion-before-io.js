// Recursive nextTick runs to completion before any timer or immediate.
let n = 0;
function again() { if (++n < 10000) process.nextTick(again); }
process.nextTick(again);
setImmediate(() => console.log("immediate after", n, "ticks"));
