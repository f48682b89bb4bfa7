// A worker's uncaught exception with no 'error' listener on the Worker is
// an uncaught exception in the parent.
const { Worker } = require('worker_threads');
const w = new Worker('\nnull.x', { eval: true });
w.on('exit', (c) => console.log('never printed', c));
