// An 'unhandledRejection' listener receives reason and promise; no crash.
process.on("unhandledRejection", (reason, promise) => {
  console.log("unhandledRejection:", reason instanceof Error ? reason.message : reason, promise instanceof Promise);
});
Promise.reject(new Error("one"));
Promise.reject("two");
new Promise((_, rej) => setTimeout(() => rej(3), 1));
setTimeout(() => console.log("still alive"), 50);
