// Timers and ticks scheduled from an 'exit' listener never run; in Node 20 a
// promise reaction queued there still runs (the microtask queue is drained
// once more before the process ends).
process.on("exit", (code) => {
  console.log("exit", code);
  setTimeout(() => console.log("timer from exit: never"), 0);
  Promise.resolve().then(() => console.log("microtask from exit: runs"));
  process.nextTick(() => console.log("tick from exit: never"));
});
