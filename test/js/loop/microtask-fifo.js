// queueMicrotask and promise reactions share one FIFO queue.
const log = (s) => () => console.log(s);
queueMicrotask(log("qm 1"));
Promise.resolve().then(log("then 1"));
queueMicrotask(log("qm 2"));
Promise.reject(new Error("x")).catch(log("catch 1"));
queueMicrotask(() => { console.log("qm 3"); queueMicrotask(log("qm 3.1")); });
Promise.resolve().then(log("then 2"));
