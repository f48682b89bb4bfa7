// Ticks and microtasks run after each timer callback, not after the phase.
setTimeout(() => {
  console.log("t1");
  process.nextTick(() => console.log("t1 tick"));
  Promise.resolve().then(() => console.log("t1 promise"));
}, 5);
setTimeout(() => {
  console.log("t2");
  process.nextTick(() => console.log("t2 tick"));
}, 5);
