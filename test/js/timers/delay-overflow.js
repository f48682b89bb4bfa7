// A delay above 2**31-1 becomes 1 ms and emits a TimeoutOverflowWarning.
process.on("warning", (w) => console.log("warning:", w.name));
setTimeout(() => console.log("fired soon"), 2 ** 31);
