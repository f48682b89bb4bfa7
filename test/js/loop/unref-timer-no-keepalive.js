// An unref'd timer does not keep the process alive.
const t = setTimeout(() => console.log("never"), 100000);
t.unref();
const i = setInterval(() => console.log("never either"), 100000).unref();
process.on("exit", () => console.log("exited without waiting", t.hasRef(), i.hasRef()));
