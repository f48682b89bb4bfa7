// An 'uncaughtException' listener handles the error: the process continues
// and exits 0.
process.on("uncaughtException", (err, origin) => {
  console.log("caught:", err.message, origin);
});
setTimeout(() => { throw new Error("in timer"); }, 1);
setTimeout(() => console.log("later timer still runs"), 50);
throw new Error("in main");
