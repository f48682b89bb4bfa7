// stdin/stdout/stderr: true — the worker's stdio as streams on the Worker object;
// without them worker.stdout still exists and ends with the worker.
const { Worker } = require('worker_threads');
const w = new Worker(`
console.log('to stdout', 1); console.error('to stderr');
process.stdin.on('data', (d) => process.stdout.write('echo ' + d)); process.stdin.on('end', () => console.log('stdin ended'));
`, { eval: true, stdout: true, stderr: true, stdin: true });
let out = '', err = '';
w.stdout.on('data', (d) => { out += d; });
w.stderr.on('data', (d) => { err += d; });
w.stdout.on('end', () => console.log('stdout end', JSON.stringify(out)));
w.stderr.on('end', () => console.log('stderr end', JSON.stringify(err)));
w.stdin.write('abc\n');
w.stdin.end();
w.on('exit', (c) => {
  console.log('exit', c);
  const w2 = new Worker('1', { eval: true });
  console.log(w2.stdout !== null, w2.stdin);
  w2.stdout.on('end', () => console.log('w2 stdout ended'));
  w2.stdout.resume();
});
