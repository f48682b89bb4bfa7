// A timer created in a promise callback that runs after a timer callback
// fires, also when a later unref'd timer and a server exist (the uv timer
// used to be re-armed for the unref'd one after the microtask had armed it).
const server = require('net').createServer().listen(0);
setInterval(() => {}, 30000).unref();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
(async () => {
  await sleep(20);
  console.log('first');
  await sleep(20);
  console.log('second');
  setTimeout(() => {
    console.log('third');
    Promise.resolve().then(() => setTimeout(() => { console.log('fourth'); server.close(); }, 10));
  }, 10);
})();
