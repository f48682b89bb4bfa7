// process.cwd() and process.chdir(); relative requires stay file-relative.
const path = require("path");
const start = process.cwd();
console.log(path.relative(__dirname, start) || ".");
process.chdir("sub");
console.log(path.relative(start, process.cwd()), require("./sub/x.js"));
process.chdir("..");
console.log(process.cwd() === start);
try { process.chdir("does-not-exist"); } catch (e) { console.log(e.code, e.syscall, typeof e.errno); }
