// Argument checks of new Worker and friends.
const { Worker, MessageChannel } = require('worker_threads');
const show = (f) => { try { f(); console.log('no error'); } catch (e) { console.log(e.name, e.code, e.message); } };
show(() => new Worker('x.js'));
show(() => new Worker('file:///x.js'));
show(() => new Worker(5));
show(() => new Worker('1', { eval: true, argv: 'a' }));
show(() => new Worker('1', { eval: true, env: 5 }));
show(() => new Worker('1', { eval: true, resourceLimits: 5 }));
show(() => new Worker('1', { eval: true, name: 5 }));
show(() => new Worker(1, { eval: true }));
const w = new Worker('1', { eval: true });
w.on('exit', (c) => {
  console.log('exit', c, w.threadId);
  w.postMessage('after exit is ignored');
  w.terminate().then((r) => console.log('terminate after exit', r));
});
