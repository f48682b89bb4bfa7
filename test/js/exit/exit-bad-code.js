// A non-integer code is a TypeError in Node 20.
try { process.exit("abc"); } catch (e) { console.log(e.name, e.code); }
try { process.exitCode = 1.5; } catch (e) { console.log(e.name, e.code); }
console.log("exitCode stays", process.exitCode);
