// An unhandled rejection with an Error is fatal (exit 1).
console.log("before");
Promise.reject(new Error("rejected!"));
setTimeout(() => console.log("not reached"), 50);
