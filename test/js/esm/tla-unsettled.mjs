// A top-level await that never settles: Node exits with code 13.
console.log("waiting forever");
await new Promise(() => {});
console.log("not reached");
