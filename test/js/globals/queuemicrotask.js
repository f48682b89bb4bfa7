// queueMicrotask: runs after the current task; bad arguments throw.
queueMicrotask(() => console.log("microtask", typeof this));
console.log("sync");
try { queueMicrotask("nope"); } catch (e) { console.log(e.name, e.code); }
