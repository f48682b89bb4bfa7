// Workers from ES modules: new URL(import.meta.url) and a data: URL.
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
if (isMainThread) {
  const w = new Worker(new URL(import.meta.url), { workerData: 3 });
  const got = [];
  const add = (m) => { got.push(String(m)); if (got.length === 2) console.log(got.sort()); };
  w.on('message', add);
  const w2 = new Worker(new URL('data:text/javascript,import { parentPort } from "worker_threads"; parentPort.postMessage("from data url")'));
  w2.on('message', add);
  w2.on('error', (e) => console.log('err', e.message));
} else {
  parentPort.postMessage(workerData * 2);
}
