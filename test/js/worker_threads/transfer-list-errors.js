// A transfer list that is rejected (a port listed twice, a port followed by
// an object that cannot be transferred) throws and leaves the listed port
// as it was: still entangled, still usable.  (devrun-js once released the
// port's native side when such a list was rejected: use after free.)
const { MessageChannel } = require('worker_threads');
const a = new MessageChannel();
const b = new MessageChannel();
const tries = [
  () => a.port1.postMessage(null, [b.port1, b.port1]),
  () => a.port1.postMessage(null, [b.port1, {}]),
  () => a.port1.postMessage(null, [b.port1, new ArrayBuffer(8), 5]),
  () => structuredClone(null, { transfer: [b.port1, b.port1] }),
  () => structuredClone(null, { transfer: [b.port1, 'x'] }),
];
for (const t of tries) {
  try { t(); console.log('no error'); } catch (e) { console.log(e.name, e.code || '-', e.message); }
}
let n = 0;
b.port2.on('message', (m) => {
  console.log('port2 got', m);
  if (++n === 2) { b.port1.close(); a.port1.close(); }
});
b.port1.postMessage('still entangled');
b.port1.postMessage({ again: [1, 2] });
b.port1.on('close', () => console.log('port1 closed'));
