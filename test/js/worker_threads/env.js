// A worker's process.env is a copy (changes stay in the worker) unless
// SHARE_ENV; options.env replaces it; environment data is inherited.
const { Worker, SHARE_ENV, setEnvironmentData, getEnvironmentData } = require('worker_threads');
process.env.FROM_PARENT = 'yes';
setEnvironmentData('k', { v: 1 });
const run = (opts) => new Promise((resolve) => {
  const w = new Worker(`
    const { parentPort, getEnvironmentData } = require('worker_threads');
    parentPort.postMessage([process.env.FROM_PARENT, process.env.ONLY, getEnvironmentData('k')]);
    process.env.SET_IN_WORKER = 1;`, { eval: true, ...opts });
  w.on('message', (m) => console.log(m));
  w.on('exit', () => resolve());
});
(async () => {
  await run({});
  console.log('copy leaks?', process.env.SET_IN_WORKER);
  await run({ env: { ONLY: 'only' } });
  await run({ env: SHARE_ENV });
  console.log('shared', process.env.SET_IN_WORKER, typeof process.env.SET_IN_WORKER);
  console.log(getEnvironmentData('k'));
  try { new Worker('1', { eval: true, env: 5 }); } catch (e) { console.log(e.code); }
})();
