// A long promise chain runs completely before any timer.
setTimeout(() => console.log("timer"), 0);
let p = Promise.resolve(0);
for (let i = 0; i < 1000; i++) p = p.then((v) => v + 1);
p.then((v) => console.log("chain done", v));
