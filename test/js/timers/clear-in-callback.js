// A timer cleared by an earlier callback in the same pass does not run.
let b;
setTimeout(() => { console.log("a"); clearTimeout(b); }, 2);
b = setTimeout(() => console.log("b ran!"), 2);
setTimeout(() => console.log("c"), 2);
