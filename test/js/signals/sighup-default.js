console.log(process.kill(process.pid, "SIGHUP"));
setTimeout(() => console.log("not reached"), 5000);
