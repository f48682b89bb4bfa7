// Builtins load with and without the node: prefix, as the same object.
for (const m of ["fs", "path", "util", "events", "os", "timers", "url", "assert", "buffer"])
  console.log(m, require(m) === require("node:" + m), typeof require(m));
try { require("node:no-such-builtin"); } catch (e) { console.log(e.code); }
try { require("no-such-package"); } catch (e) { console.log(e.code); }
console.log(require("module").builtinModules.includes("fs"));
console.log(require("module").isBuiltin("node:path"), require("module").isBuiltin("nope"));
