// A SIGTERM listener; numeric signal argument to process.kill.
const keepAlive = setInterval(() => {}, 1000);
process.on("SIGTERM", (sig) => {
  console.log("graceful shutdown on", sig);
  clearInterval(keepAlive);
});
process.kill(process.pid, 15);  // numeric signal
