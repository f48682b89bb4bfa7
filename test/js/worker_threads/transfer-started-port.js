// A port that is listening, with a message just posted to it and not yet
// delivered, is transferred to a worker: the worker gets that message.
// (devrun-js once left such a port waiting for a wake-up that went to the
// sending thread's handle: the worker never saw the message.)
const { Worker, MessageChannel, isMainThread, parentPort } = require('worker_threads');
if (isMainThread) {
  const { port1, port2 } = new MessageChannel();
  port2.on('message', (m) => console.log('main thread got', m));
  port1.postMessage('queued before transfer');
  const w = new Worker(__filename);
  w.postMessage({ port: port2 }, [port2]);
  w.on('message', (m) => console.log(m));
  w.on('exit', (c) => { console.log('exit', c); port1.close(); });
} else {
  parentPort.once('message', ({ port }) => {
    port.on('message', (m) => {
      parentPort.postMessage(`worker got: ${m}`);
      port.close();
    });
  });
}
