// process.exit() without an argument uses process.exitCode (0 by default).
process.on("exit", (c) => console.log("exit event", c, process.exitCode));
process.exit();
