// The 'exit' listener sees code 1 after an uncaught exception.
process.on("exit", (c) => console.log("exit code", c, process.exitCode));
null.x;
