// An exception in an EventTarget listener is reported as uncaught (exit 1),
// but the remaining listeners still run first.
const et = new EventTarget();
et.addEventListener("e", () => { throw new Error("listener failed"); });
et.addEventListener("e", () => console.log("second listener ran"));
process.on("exit", (c) => console.log("exit", c));
et.dispatchEvent(new Event("e"));
console.log("dispatch returned");
