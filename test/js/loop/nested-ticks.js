// A tick queued from a tick still runs before any microtask.
Promise.resolve().then(() => console.log("promise 1"));
process.nextTick(() => {
  console.log("tick 1");
  process.nextTick(() => {
    console.log("tick 1.1");
    process.nextTick(() => console.log("tick 1.1.1"));
  });
});
process.nextTick(() => console.log("tick 2"));
Promise.resolve().then(() => console.log("promise 2"));
