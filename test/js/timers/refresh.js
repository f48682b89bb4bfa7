// refresh() restarts the timer with its original delay and returns it.
const start = Date.now();
const t = setTimeout(() => console.log("refreshed timer"), 100);
setTimeout(() => { console.log("refresh:", t.refresh() === t); }, 50);
setTimeout(() => console.log("150 ms timer"), 120);  // refreshed one is due at >= 150
