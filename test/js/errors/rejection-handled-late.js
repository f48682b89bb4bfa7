// A rejection handled within the same tick sequence is not "unhandled".
const p = Promise.reject(new Error("late"));
process.nextTick(() => p.catch((e) => console.log("handled:", e.message)));
Promise.resolve().then(() => console.log("microtask"));
