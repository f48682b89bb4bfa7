// process.stdout/stderr/stdin are real streams: instanceof, write()
// callbacks and return values, piping a Readable into process.stdout (which
// pipe() never ends), reading process.stdin with read() in paused mode.
const { Readable, Writable } = require('stream');
console.log(process.stdout instanceof Writable, process.stderr instanceof Writable, process.stdin instanceof Readable);
console.log(process.stdout.writable, typeof process.stdout.fd, process.stdout.fd, process.stdin.fd);
const ok = process.stdout.write('written\n', () => {
  console.log('write callback ran');
  const r = Readable.from(['piped 1\n', 'piped 2\n']);
  r.pipe(process.stdout);
  r.on('end', () => setImmediate(() => {
    console.log('stdout still writable after pipe end:', process.stdout.writable);
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('readable', () => {
      let chunk;
      while ((chunk = process.stdin.read()) !== null) data += chunk;
    });
    process.stdin.on('end', () => console.log('stdin:', JSON.stringify(data), process.stdin.readableEnded));
  }));
});
console.log('write returned', ok);
