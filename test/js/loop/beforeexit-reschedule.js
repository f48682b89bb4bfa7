// 'beforeExit' fires when the loop is empty; scheduling work in it keeps the
// process alive and 'beforeExit' fires again.
let rounds = 0;
process.on("beforeExit", (code) => {
  console.log("beforeExit", code, rounds);
  if (rounds++ < 2) setTimeout(() => console.log("work", rounds), 1);
});
process.on("exit", (code) => console.log("exit", code));
