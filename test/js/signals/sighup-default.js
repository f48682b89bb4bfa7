// Without a listener, SIGHUP kills the process before kill() returns.
console.log(process.kill(process.pid, "SIGHUP"));
setTimeout(() => console.log("not reached"), 5000);
