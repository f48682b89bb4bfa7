// A tick queued from a microtask runs after the microtask queue drains.
Promise.resolve().then(() => {
  console.log("then 1");
  process.nextTick(() => console.log("tick from then 1"));
  Promise.resolve().then(() => console.log("then 1.1"));
}).then(() => console.log("then 2"));
queueMicrotask(() => console.log("queueMicrotask"));
