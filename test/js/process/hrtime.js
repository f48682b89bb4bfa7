// hrtime and hrtime.bigint are monotonic; uptime is small and positive.
const a = process.hrtime();
console.log(Array.isArray(a), a.length, Number.isInteger(a[0]), a[1] >= 0 && a[1] < 1e9);
const d = process.hrtime(a);
console.log(d[0] >= 0, d[0] < 10);
const b1 = process.hrtime.bigint(), b2 = process.hrtime.bigint();
console.log(typeof b1, b2 >= b1);
console.log(typeof process.uptime(), process.uptime() > 0, process.uptime() < 60);
try { process.hrtime(1); } catch (e) { console.log(e.code); }
