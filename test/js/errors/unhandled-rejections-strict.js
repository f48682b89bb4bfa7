// --unhandled-rejections=strict: raised as an uncaught exception even when an
// 'unhandledRejection' listener exists; handled there, the listener runs too.
process.on("uncaughtException", (e, origin) => console.log("uncaughtException:", e.message, origin));
process.on("unhandledRejection", (r) => console.log("unhandledRejection:", r.message));
Promise.reject(new Error("strict"));
setTimeout(() => console.log("alive"), 5);
