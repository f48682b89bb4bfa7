// An exception inside an 'exit' listener: exit code 1, and later listeners
// do not run.
process.on("exit", () => { console.log("exit 1 runs"); throw new Error("in exit"); });
process.on("exit", () => console.log("exit 2 never"));
