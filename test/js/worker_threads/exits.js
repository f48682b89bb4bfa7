// How workers end: an uncaught exception ('error' then exit 1), a thrown
// non-Error, process.exit(code), terminate() (exit 1), a natural end with
// process.exitCode, and an unhandled rejection.
const { Worker } = require('worker_threads');
const results = [];
function run(name, code, extra = {}) {
  return new Promise((resolve) => {
    const w = new Worker(code, { eval: true, ...extra });
    const r = { name, events: [] };
    w.on('error', (e) => r.events.push(['error', e instanceof Error ? `${e.name}: ${e.message}` : e]));
    w.on('exit', (c) => { r.events.push(['exit', c]); resolve(r); });
    if (name === 'terminate') w.on('online', () => w.terminate().then((c) => r.events.push(['terminated', c])));
  });
}
(async () => {
  console.log(await run('throw', 'throw new RangeError("bad range")'));
  console.log(await run('throw-value', 'throw { code: 42 }'));
  console.log(await run('exit', 'process.exit(3)'));
  console.log(await run('exit-code', 'process.exitCode = 4'));
  console.log(await run('exit-handler', 'process.on("exit", (c) => require("worker_threads").parentPort.postMessage(c)); process.exitCode = 2'));
  console.log(await run('terminate', 'setInterval(() => {}, 1000)'));
  console.log(await run('rejection', 'Promise.reject(new TypeError("nope"))'));
  console.log(await run('syntax', 'let let = 1'));
  console.log(await run('caught', 'process.on("uncaughtException", (e) => { console.log("worker caught", e.message); }); setTimeout(() => { throw new Error("late") }, 1)'));
})();
