// Messages for several ports are delivered in one turn of the loop; a
// listener that closes another port (whose message is still waiting) does
// not stop the delivery to the remaining ports.  (devrun-js once dropped
// them, and the ports waited forever.)
const { MessageChannel } = require('worker_threads');
const chans = [0, 1, 2, 3].map(() => new MessageChannel());
const got = [];
let closed = -1;
const done = () => {
  clearTimeout(timer);
  console.log(`${got.length} messages; the closed port got ${got.includes(closed) ? 'its message' : 'none'}`);
  for (const c of chans) { c.port1.close(); c.port2.close(); }
};
chans.forEach((c, i) => {
  c.port2.on('message', () => {
    got.push(i);
    if (closed < 0) {
      closed = (i + 1) % chans.length;
      chans[closed].port2.close();
    }
    if (got.length === chans.length - 1) done();
  });
});
chans.forEach((c, i) => c.port1.postMessage(i));
const timer = setTimeout(() => { console.log('missing messages'); done(); }, 3000);
