// Handling a rejection in a later timer is too late: the process has died.
const p = Promise.reject(new Error("too late"));
setTimeout(() => p.catch(() => console.log("never")), 10);
