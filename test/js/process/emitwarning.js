// emitWarning: the 'warning' event gets a Warning object (stderr also gets a
// line with the pid, which this case does not compare).
process.on("warning", (w) => console.log(w.name, w.message, w.code, w instanceof Error));
process.emitWarning("plain warning");
process.emitWarning("typed", "CustomWarning", "CODE1");
process.emitWarning("with options", { type: "OptWarning", code: "C2", detail: "the detail" });
process.emitWarning(new Error("from error"));
console.log("sync done: warnings are emitted on the next tick");
