// queueMicrotask callbacks that throw are uncaught exceptions.
queueMicrotask(() => { throw new Error("from microtask"); });
setTimeout(() => console.log("not reached"), 20);
