// performance.now() is monotonic and relative to timeOrigin.
const a = performance.now();
const b = performance.now();
console.log(typeof a, a >= 0, b >= a, a < 60000);
console.log(typeof performance.timeOrigin, Math.abs(performance.timeOrigin + b - Date.now()) < 1000);
const start = performance.now();
setTimeout(() => console.log("elapsed >= 10:", performance.now() - start >= 9), 10);
console.log(typeof performance.toJSON, typeof require("perf_hooks").performance.now);
