// 'beforeExit' with nothing scheduled fires once, then 'exit'.
process.on("beforeExit", (c) => console.log("beforeExit", c));
process.on("exit", (c) => console.log("exit", c));
process.exitCode = 2;
console.log("main done");
