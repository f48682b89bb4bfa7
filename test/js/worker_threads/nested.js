// A worker that starts a worker: messages relay up; when the middle worker
// exits, the inner one (which would run forever) ends with it.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
if (isMainThread) {
  const w = new Worker(__filename, { workerData: 0 });
  w.on('message', (m) => console.log('main got', m));
  w.on('exit', (c) => console.log('outer exit', c));
} else if (workerData === 0) {
  const inner = new Worker(__filename, { workerData: 1 });
  inner.on('message', (m) => { parentPort.postMessage(`relay ${m}`); process.exit(5); });
} else {
  parentPort.postMessage('from inner');
  setInterval(() => {}, 1000); // would run forever: ends with its parent
}
