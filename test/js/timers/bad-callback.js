// Non-function callbacks are rejected with ERR_INVALID_ARG_TYPE.
for (const f of [setTimeout, setInterval, setImmediate]) {
  try { f("console.log(1)"); } catch (e) { console.log(f.name, e.name, e.code); }
}
