// 'rejectionHandled' fires when a reported rejection gets a handler later.
let saved;
process.on("unhandledRejection", (r, p) => { console.log("unhandled", r); saved = p; });
process.on("rejectionHandled", (p) => console.log("rejectionHandled", p === saved));
const p = Promise.reject("late");
setTimeout(() => p.catch(() => console.log("caught late")), 10);
