// Without a listener, SIGINT kills the process.
console.log("sending SIGINT");
process.kill(process.pid, "SIGINT");
setTimeout(() => console.log("not reached"), 5000);
