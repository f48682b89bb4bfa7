// process.stdout.write: strings, buffers, callback, return value; no newline added.
const r = process.stdout.write("no newline|");
process.stdout.write(Buffer.from("buffer|"));
process.stdout.write(new Uint8Array([65, 10]));
process.stdout.write("with callback\n", () => console.log("write callback ran"));
console.log(typeof r, typeof process.stdout.columns, process.stdout.writable, typeof process.stdout.fd, process.stdout.fd, process.stderr.fd);
try { process.stdout.write(42); } catch (e) { console.log(e.code); }
