// A SIGINT listener replaces the default; the process decides how to end.
const keepAlive = setTimeout(() => console.log("timeout: handler never ran"), 10000);
process.on("SIGINT", (sig, num) => {
  console.log("got", sig, num);
  clearTimeout(keepAlive);
  process.exitCode = 130;
});
process.on("exit", (c) => console.log("exit", c));
process.kill(process.pid, "SIGINT");
console.log("signal sent");
