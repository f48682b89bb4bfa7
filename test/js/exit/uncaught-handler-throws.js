// An 'uncaughtException' listener that itself throws: fatal, exit 7.
process.on("uncaughtException", () => { throw new Error("handler failed"); });
throw new Error("original");
