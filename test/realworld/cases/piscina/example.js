// piscina (a worker_threads pool): tasks on two threads, a named export,
// an error thrown in a worker, destroy().
const path = require('path');
const Piscina = require('piscina');
const piscina = new Piscina({ filename: path.resolve(__dirname, 'task.js'), minThreads: 2, maxThreads: 2 });
(async () => {
  const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => piscina.run({ n })));
  console.log(results);
  console.log(await piscina.run({ n: 10 }, { name: 'square' }));
  try { await piscina.run({ n: -1 }); } catch (e) { console.log('error:', e.message); }
  console.log('threads', piscina.threads.length, 'completed', piscina.completed);
  await piscina.destroy();
  console.log('destroyed');
})();
