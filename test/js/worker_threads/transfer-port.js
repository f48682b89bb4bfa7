// A MessagePort transferred to a worker: the worker answers on it, the
// parent's messages queued before the transfer arrive, and the worker's
// exit closes the transferred port for the parent's side.
const { Worker, MessageChannel, isMainThread, parentPort } = require('worker_threads');
if (isMainThread) {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage('queued before transfer');
  const w = new Worker(__filename);
  w.postMessage({ port: port2 }, [port2]);
  try { port2.postMessage('x'); console.log('posting on a transferred port is a no-op'); } catch (e) { console.log(e.message); }
  port1.on('message', (m) => {
    console.log('port1 got', m);
    if (m === 'done') port1.postMessage('thanks');
  });
  // 'close' and 'exit' come from two threads: print them once both happened.
  const ends = [];
  const end = (what) => { ends.push(what); if (ends.length === 2) console.log(ends.sort()); };
  port1.on('close', () => end('port1 closed'));
  w.on('exit', (c) => end(`exit ${c}`));
} else {
  parentPort.once('message', ({ port }) => {
    port.on('message', (m) => {
      port.postMessage(`echo: ${m}`);
      if (m === 'thanks') port.close();
    });
    port.postMessage('done');
  });
}
