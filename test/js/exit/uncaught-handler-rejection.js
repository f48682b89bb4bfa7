// Without an 'unhandledRejection' listener, an unhandled rejection goes to
// 'uncaughtException' with origin 'unhandledRejection'.
process.on("uncaughtException", (err, origin) => console.log("uncaughtException:", err.message, origin));
Promise.reject(new Error("rejected"));
setTimeout(() => console.log("alive"), 5);
