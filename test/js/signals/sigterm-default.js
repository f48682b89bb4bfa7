// Without a listener, SIGTERM kills the process (no 'exit' event).
process.on("exit", () => console.log("exit event: never"));
console.log("sending SIGTERM");
process.kill(process.pid, "SIGTERM");
setTimeout(() => console.log("not reached"), 5000);
