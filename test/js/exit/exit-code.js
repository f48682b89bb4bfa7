// process.exit(n) ends at once with n; pending work never runs.
setTimeout(() => console.log("timer never runs"), 0);
Promise.resolve().then(() => console.log("microtask never runs"));
console.log("exiting");
process.exit(5);
console.log("not reached");
