// Inside a timer callback: ticks and microtasks first, then the check phase
// (immediates) before the next timers phase.
setTimeout(() => {
  console.log("timeout A");
  setTimeout(() => console.log("timeout from A"), 0);
  setImmediate(() => console.log("immediate from A"));
  process.nextTick(() => console.log("tick from A"));
  Promise.resolve().then(() => console.log("promise from A"));
}, 0);
