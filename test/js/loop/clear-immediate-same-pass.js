// An immediate cleared by an earlier immediate of the same pass never runs.
let second;
setImmediate(() => { console.log("first"); clearImmediate(second); });
second = setImmediate(() => console.log("second ran!"));
setImmediate(() => console.log("third"));
