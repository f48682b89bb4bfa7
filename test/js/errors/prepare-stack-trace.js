// Error.prepareStackTrace receives structured CallSites.
Error.prepareStackTrace = (err, frames) =>
  frames.slice(0, 2).map((f) => [f.getFunctionName(), f.getLineNumber(), require("path").basename(f.getFileName())].join(":"));
function named() { return new Error("x").stack; }
console.log(named());
