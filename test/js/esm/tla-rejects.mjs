// A rejected top-level await is an uncaught error: exit 1.
console.log("before");
await Promise.reject(new Error("tla rejected"));
