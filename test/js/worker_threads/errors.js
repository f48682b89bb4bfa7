// What the parent's 'error' event gets: an Error keeps its class, message
// and own properties (code, extra); a subclass of Error arrives as Error;
// a worker over its resourceLimits ends with ERR_WORKER_OUT_OF_MEMORY.
const { Worker } = require('worker_threads');
const run = (code, opts = {}) => new Promise((resolve) => {
  const w = new Worker(code, { eval: true, ...opts });
  const out = [];
  w.on('error', (e) => out.push([e instanceof Error, e.name, e.code, e.extra, e.message, typeof e.stack]));
  w.on('exit', (c) => resolve([...out, c]));
});
(async () => {
  console.log(await run('const e = new Error("custom"); e.code = "E_X"; e.extra = { a: [1] }; throw e'));
  console.log(await run('throw new SyntaxError("syn")'));
  console.log(await run('class MyErr extends Error {}; throw new MyErr("m")'));
  console.log(await run('const e = new Error("fn prop"); e.fn = () => {}; throw e'));
  console.log(await run('const a = []; for (;;) a.push({ x: new Array(100).fill(1) });',
    { resourceLimits: { maxOldGenerationSizeMb: 16 } }));
})();
