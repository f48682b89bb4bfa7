// An AbortSignal cancels timers/promises with an AbortError.
const tp = require("timers/promises");
(async () => {
  const ac = new AbortController();
  const p = tp.setTimeout(1000, "never", { signal: ac.signal });
  ac.abort();
  try { await p; } catch (e) { console.log("setTimeout:", e.name, e.code, e.message); }

  const pre = AbortSignal.abort();
  try { await tp.setImmediate("x", { signal: pre }); }
  catch (e) { console.log("setImmediate:", e.name, e.code); }

  const ac2 = new AbortController();
  const it = tp.setInterval(1, null, { signal: ac2.signal });
  try {
    for await (const _ of it) ac2.abort();
  } catch (e) { console.log("setInterval:", e.name, e.code); }
})();
