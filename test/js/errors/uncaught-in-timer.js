// An exception thrown from a timer callback; later timers never run.
setTimeout(function timerCallback() {
  throw new RangeError("from timer");
}, 1);
setTimeout(() => console.log("not reached"), 50);
console.log("scheduled");
