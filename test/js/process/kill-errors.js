// process.kill argument checks; signal 0 tests for existence.
console.log(process.kill(process.pid, 0));
try { process.kill(process.pid, "SIGNOPE"); } catch (e) { console.log(e.name, e.code); }
try { process.kill("abc"); } catch (e) { console.log(e.name, e.code); }
try { process.kill(2147483646, 0); } catch (e) { console.log(e.code, e.syscall); }
