// AsyncLocalStorage through the runtime's own scheduling: setTimeout,
// setInterval, setImmediate, process.nextTick and queueMicrotask, and what
// depends on them (a zlib callback helper finishes on a stream's 'end',
// emitted from a nextTick).
const { AsyncLocalStorage } = require('async_hooks');
const als = new AsyncLocalStorage();
const results = [];
const done = (label) => results.push(`${label}: ${als.getStore()}`);
als.run('timeout', () => setTimeout(() => done('setTimeout'), 1));
als.run('interval', () => {
  const t = setInterval(() => { done('setInterval'); clearInterval(t); }, 1);
});
als.run('immediate', () => setImmediate(() => done('setImmediate')));
als.run('tick', () => process.nextTick(() => done('nextTick')));
als.run('microtask', () => queueMicrotask(() => done('queueMicrotask')));
als.run('gzip', () => require('zlib').gzip('x', () => done('zlib.gzip')));
setTimeout(() => {
  console.log(results.sort().join('\n'));
  console.log('outside', als.getStore());
}, 100);
