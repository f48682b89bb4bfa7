// console.trace prints "Trace: <message>" and a stack to stderr.
function inner() { console.trace("here %d", 5); }
inner();
console.log("done");
