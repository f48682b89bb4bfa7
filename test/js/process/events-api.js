// process is an EventEmitter: on/once/off/emit/listenerCount.
const f = (x) => console.log("custom", x);
process.on("custom", f);
process.once("custom", (x) => console.log("once", x));
process.emit("custom", 1);
process.emit("custom", 2);
console.log(process.listenerCount("custom"));
process.off("custom", f);
console.log(process.emit("custom", 3), process.listenerCount("custom"));
