// --unhandled-rejections=warn: a warning instead of a crash.
Promise.reject(new Error("only a warning"));
setTimeout(() => console.log("still alive"), 5);
