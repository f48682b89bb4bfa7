// Several listeners all run, in order; signals arrive asynchronously.
const keepAlive = setTimeout(() => {}, 10000);
const seen = [];
process.on("SIGUSR2", () => seen.push("a"));
process.on("SIGUSR2", (s) => { seen.push("b:" + s); console.log(seen.join(" ")); clearTimeout(keepAlive); });
process.kill(process.pid, "SIGUSR2");
console.log("sync after kill, seen =", seen.length);
