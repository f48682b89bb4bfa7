// process.exit() inside 'beforeExit' ends the process with that code.
process.on("beforeExit", () => { console.log("beforeExit"); process.exit(6); });
process.on("exit", (c) => console.log("exit", c));
