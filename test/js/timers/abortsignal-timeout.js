// AbortSignal.timeout() aborts with a TimeoutError DOMException.  Its timer is
// unref'd, so a ref'd timer keeps the process alive until the abort.
const keepAlive = setTimeout(() => console.log("abort never came"), 10000);
const s = AbortSignal.timeout(5);
console.log(s.aborted);
s.addEventListener("abort", () => {
  console.log(s.aborted, s.reason.name, s.reason.message, s.reason instanceof DOMException);
  clearTimeout(keepAlive);
});
