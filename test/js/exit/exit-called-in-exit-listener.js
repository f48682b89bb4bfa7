// process.exit(n) inside an 'exit' listener: the code becomes n and the
// remaining listeners do not run.
process.on("exit", (c) => { console.log("first", c); process.exit(8); });
process.on("exit", (c) => console.log("second: never", c));
process.exit(3);
