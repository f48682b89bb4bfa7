// Ticks and microtasks run after each immediate; an immediate queued from an
// immediate runs on the next loop iteration.
setImmediate(() => {
  console.log("i1");
  setImmediate(() => console.log("i1 -> i3"));
  process.nextTick(() => console.log("i1 tick"));
});
setImmediate(() => {
  console.log("i2");
  Promise.resolve().then(() => console.log("i2 promise"));
});
