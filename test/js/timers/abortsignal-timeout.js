// AbortSignal.timeout() aborts with a TimeoutError DOMException.
const s = AbortSignal.timeout(5);
console.log(s.aborted);
s.addEventListener("abort", () => {
  console.log(s.aborted, s.reason.name, s.reason.message, s.reason instanceof DOMException);
  setTimeout(() => {}, 1);
});
setTimeout(() => {}, 50);  // AbortSignal.timeout's timer is unref'd
