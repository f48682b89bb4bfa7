// Changing process.exitCode in an 'exit' listener changes the final code.
process.on("exit", (c) => { console.log("first listener", c); process.exitCode = 3; });
process.on("exit", (c) => console.log("second listener", c, process.exitCode));
