// process.exitCode sets the code used when the loop ends naturally.
process.exitCode = 9;
setTimeout(() => console.log("the loop still runs; exitCode", process.exitCode), 1);
process.on("exit", (c) => console.log("exit event", c));
