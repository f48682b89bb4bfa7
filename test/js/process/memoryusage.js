// memoryUsage() fields are positive numbers.
const m = process.memoryUsage();
console.log(Object.keys(m).sort());
console.log(Object.values(m).every((v) => typeof v === "number" && v >= 0), m.heapUsed <= m.heapTotal);
console.log(typeof process.memoryUsage.rss(), process.memoryUsage.rss() > 0);
