// timers/promises: setTimeout and setImmediate resolve with the given value.
const tp = require("timers/promises");
(async () => {
  console.log(await tp.setTimeout(5, "timeout value"));
  console.log(await tp.setImmediate("immediate value"));
  console.log(await tp.setTimeout(1));
  console.log(require("node:timers/promises") === tp, require("timers").promises === tp);
})();
