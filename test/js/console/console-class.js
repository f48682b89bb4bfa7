// new console.Console(stream) writes to the given streams.
const { Writable } = require("stream");
let got = "";
const sink = new Writable({ write(chunk, enc, cb) { got += chunk; cb(); } });
const c = new console.Console({ stdout: sink, stderr: sink });
c.log("to sink %d", 1); c.error("err to sink");
setImmediate(() => console.log(JSON.stringify(got)));
console.log(typeof console.Console, console instanceof console.Console);
