// Workers terminated at once, with a port in their start-up data (workerData,
// transferList): whether or not the worker got as far as reading it, the
// port is closed when the worker ends, and the other side gets 'close'.
// (devrun-js once kept the start-up data of a worker terminated before
// reading it: the port stayed open and its peer waited forever.)
const { Worker, MessageChannel } = require('worker_threads');
const N = 20;
let closed = 0, exited = 0;
const ends = [];
const end = (what) => { ends.push(what); if (ends.length === 2) console.log(ends.sort().join('; ')); };
for (let i = 0; i < N; i++) {
  const { port1, port2 } = new MessageChannel();
  const w = new Worker('require("worker_threads").workerData.port.on("message", () => {})', {
    eval: true, workerData: { port: port2, big: new Uint8Array(1 << 20) }, transferList: [port2],
  });
  if (i % 2) w.terminate(); else process.nextTick(() => w.terminate());
  port1.on('message', () => {});
  port1.on('close', () => { if (++closed === N) end('every port closed'); });
  w.on('exit', (code) => { if (++exited === N) end('every worker exited'); });
}
