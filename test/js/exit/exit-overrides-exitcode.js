// process.exit(n) wins over a previously set process.exitCode.
process.exitCode = 4;
process.on("exit", (c) => console.log("exit event", c, process.exitCode));
process.exit(2);
