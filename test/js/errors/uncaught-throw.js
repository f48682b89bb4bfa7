// An uncaught exception: source line, caret, blank line, stack; exit 1.
console.log("before");
function fail() {
  throw new Error("boom");
}
fail();
console.log("not reached");
