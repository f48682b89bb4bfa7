// SharedArrayBuffer is shared, not copied: two workers add to one counter
// with Atomics; the parent waits on it with Atomics.wait and a worker wakes
// it with Atomics.notify.
const { Worker } = require('worker_threads');
const sab = new SharedArrayBuffer(16);
const counter = new Int32Array(sab);
const code = `
const { workerData } = require('worker_threads');
const a = new Int32Array(workerData);
for (let i = 0; i < 10000; i++) Atomics.add(a, 0, 1);
if (Atomics.add(a, 1, 1) === 1) { Atomics.store(a, 2, 1); Atomics.notify(a, 2); }
`;
let exited = 0;
for (let i = 0; i < 2; i++) {
  const w = new Worker(code, { eval: true, workerData: sab });
  w.on('exit', (c) => { if (++exited === 2) console.log('both exited', c, counter[0], counter[1]); });
}
console.log('wait', Atomics.wait(counter, 2, 0, 30000), counter[0], counter[1]);
