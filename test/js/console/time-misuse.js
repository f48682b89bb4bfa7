// timeEnd/timeLog of an unknown label and time() twice warn (process warning).
process.on("warning", (w) => console.log("warning:", w.message));
console.timeEnd("nope");
console.timeLog("nope2");
console.time("dup"); console.time("dup");
