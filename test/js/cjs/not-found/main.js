// MODULE_NOT_FOUND: code, message (first line) and requireStack.
const path = require("path");
function show(fn) {
  try { fn(); } catch (e) {
    console.log(e.name, e.code, e instanceof Error);
    console.log(e.message.split("\n")[0].replace(__dirname, "<here>"));
    console.log((e.requireStack || []).map((p) => path.relative(__dirname, p)));
  }
}
show(() => require("./nope"));
show(() => require("nope-package"));
show(() => require("./sub/inner"));
show(() => require("./emptydir"));
