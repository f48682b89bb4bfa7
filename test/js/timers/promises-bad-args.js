// Bad options are rejected (not thrown) with ERR_INVALID_ARG_TYPE.
const tp = require("timers/promises");
tp.setTimeout(1, null, "nope").catch((e) => console.log(e.name, e.code));
tp.setTimeout(1, null, { signal: 1 }).catch((e) => console.log(e.name, e.code));
