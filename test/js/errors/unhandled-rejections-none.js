// --unhandled-rejections=none: silent.
Promise.reject(new Error("silent"));
setTimeout(() => console.log("still alive"), 5);
