// An uncaught exception makes the exit code 1 even when exitCode was set.
process.exitCode = 5;
process.on("exit", (c) => console.log("exit", c));
setTimeout(() => { throw new Error("late failure"); }, 1);
