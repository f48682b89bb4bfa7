// BroadcastChannel: a message reaches every other channel of that name, on
// any thread, but not the sender.
const { Worker, BroadcastChannel, isMainThread } = require('worker_threads');
if (isMainThread) {
  const bc = new BroadcastChannel('news');
  const other = new BroadcastChannel('sports');
  other.onmessage = () => console.log('wrong channel');
  console.log(bc.name, typeof BroadcastChannel === typeof globalThis.BroadcastChannel);
  let n = 0;
  bc.onmessage = (e) => {
    console.log('main got', e.data);
    if (++n === 2) { bc.postMessage('stop'); bc.close(); other.close(); }
  };
  for (let i = 0; i < 2; i++) new Worker(__filename, { workerData: i });
} else {
  const { workerData } = require('worker_threads');
  const bc = new BroadcastChannel('news');
  bc.onmessage = (e) => { if (e.data === 'stop') bc.close(); };
  bc.postMessage({ from: 'worker' });
}
