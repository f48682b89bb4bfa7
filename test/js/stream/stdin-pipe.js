// process.stdin piped through a Transform to process.stdout (which pipe()
// never ends), counting chunks in objectMode on the side.
const { Transform, pipeline } = require('stream');
const upper = new Transform({
  transform(chunk, enc, cb) { cb(null, chunk.toString().toUpperCase()); },
  flush(cb) { cb(null, '-- end --\n'); },
});
process.stdin.pipe(upper).pipe(process.stdout);
upper.on('end', () => setImmediate(() => console.log('stdout still writable', process.stdout.writable !== false)));
