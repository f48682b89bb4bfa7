// After a once() listener has run, the default behaviour comes back.
const keepAlive = setInterval(() => {}, 1000);
process.once("SIGTERM", () => {
  console.log("first SIGTERM handled", process.listenerCount("SIGTERM"));
  setTimeout(() => process.kill(process.pid, "SIGTERM"), 1);
});
process.kill(process.pid, "SIGTERM");
