// AbortController / AbortSignal: abort once, reason, events, throwIfAborted.
const ac = new AbortController();
const s = ac.signal;
console.log(s.aborted, s.reason, s instanceof EventTarget);
s.onabort = (e) => console.log("onabort", e.type);
s.addEventListener("abort", (e) => console.log("listener", e.type, e.target === s), { once: true });
ac.abort();
ac.abort("second abort is ignored");
console.log(s.aborted, s.reason.name, s.reason.message);
try { s.throwIfAborted(); } catch (e) { console.log("throwIfAborted:", e.name); }
const ac2 = new AbortController();
ac2.abort(new Error("custom reason"));
console.log(ac2.signal.reason.message);
console.log(AbortSignal.abort("r").reason, AbortSignal.abort().aborted);
if (AbortSignal.any) {
  const x = new AbortController();
  const any = AbortSignal.any([x.signal, new AbortController().signal]);
  x.abort("via any");
  console.log(any.aborted, any.reason);
}
try { new AbortSignal(); } catch (e) { console.log(e.name, e.code); }
