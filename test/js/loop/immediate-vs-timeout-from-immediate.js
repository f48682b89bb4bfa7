// From inside an immediate, a due 0 ms timeout fires before an immediate queued
// at the same time: the loop goes check -> close -> timers -> ... -> check.
setImmediate(() => {
  setTimeout(() => console.log("timeout"), 0);
  setImmediate(() => console.log("immediate"));
  const start = Date.now();
  while (Date.now() - start < 5);  // make sure the timeout is due
});
