// A timer added from a timer callback with delay 0 does not run in the same pass.
setTimeout(() => {
  console.log("outer 1");
  setTimeout(() => console.log("inner"), 0);
}, 1);
setTimeout(() => console.log("outer 2"), 1);
