// structuredClone with a transfer list: ArrayBuffers move, MessagePorts
// move (the clone is a new, working port), errors as postMessage's.
const { port1, port2 } = new MessageChannel();
const c = structuredClone({ p: port1, n: 1 }, { transfer: [port1] });
console.log(c.p instanceof MessagePort, c.p === port1, c.n);
port1.postMessage('dropped: port1 was moved');
c.p.postMessage('via the clone');
port2.once('message', (m) => { console.log('port2 got', m); c.p.close(); });
const ab = new ArrayBuffer(4);
new Uint8Array(ab)[1] = 9;
const c2 = structuredClone({ ab }, { transfer: [ab] });
console.log(ab.byteLength, c2.ab.byteLength, new Uint8Array(c2.ab)[1]);
for (const bad of [5, { transfer: [1] }, { transfer: [ab] }]) {
  try { structuredClone(1, typeof bad === 'number' ? { transfer: bad } : bad); console.log('ok'); } catch (e) { console.log(e.name, e.code, e.message); }
}
