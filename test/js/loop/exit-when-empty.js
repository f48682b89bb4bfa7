// The process exits when nothing keeps the loop alive; 'exit' sees the end.
let n = 0;
function step() { if (++n < 5) setImmediate(step); }
step();
process.on("exit", (code) => console.log("exit", code, "after", n, "steps"));
