// With stdin at /dev/null the stream just ends.
process.stdin.on("data", (d) => console.log("data?", d));
process.stdin.on("end", () => console.log("end"));
