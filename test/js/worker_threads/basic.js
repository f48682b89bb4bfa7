// A worker from a file: workerData, argv, threadId, isMainThread, messages
// both ways, 'online' and 'exit' (the worker exits when parentPort closes).
const { Worker, isMainThread, parentPort, workerData, threadId } = require('worker_threads');
if (isMainThread) {
  console.log('main', isMainThread, threadId, parentPort, workerData);
  const w = new Worker(__filename, { workerData: { n: 5, list: [1, 'two', { three: 3 }], buf: new Uint8Array([1, 2]) }, argv: ['x', 7] });
  console.log('threadId', w.threadId, typeof w.ref, typeof w.unref);
  let online = false;
  w.on('online', () => { online = true; });
  w.on('message', (m) => {
    console.log('parent got', m);
    if (m.step === 1) w.postMessage({ reply: 'hello', date: new Date(0), map: new Map([[1, 2]]), big: 10n });
    if (m.step === 2) w.postMessage('bye');
  });
  w.on('exit', (code) => console.log('exit', code, online, w.threadId));
} else {
  parentPort.postMessage({ step: 1, threadId, isMainThread, workerData, argv: process.argv.slice(2) });
  parentPort.on('message', (m) => {
    if (m === 'bye') { parentPort.close(); return; }
    parentPort.postMessage({ step: 2, got: m, types: [m.date instanceof Date, m.map instanceof Map, typeof m.big] });
  });
}
