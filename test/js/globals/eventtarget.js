// EventTarget and Event.
const et = new EventTarget();
const seen = [];
function h(e) { seen.push(["h", e.type, e.target === et, e.currentTarget === et, this === et]); }
et.addEventListener("ping", h);
et.addEventListener("ping", h);  // duplicate listener is ignored
et.addEventListener("ping", { handleEvent(e) { seen.push(["object listener", e.type]); } });
et.addEventListener("ping", () => seen.push(["once"]), { once: true });
console.log(et.dispatchEvent(new Event("ping")), et.dispatchEvent(new Event("ping")));
console.log(seen);
et.removeEventListener("ping", h);
seen.length = 0; et.dispatchEvent(new Event("ping")); console.log(seen);
const ev = new Event("x", { cancelable: true });
et.addEventListener("x", (e) => e.preventDefault());
console.log(et.dispatchEvent(ev), ev.defaultPrevented, ev.cancelable, ev.bubbles, typeof ev.timeStamp);
const plain = new Event("y");
console.log(plain.type, plain.isTrusted, plain.eventPhase, plain.composed);
const ac = new AbortController();
et.addEventListener("z", () => console.log("z heard"), { signal: ac.signal });
et.dispatchEvent(new Event("z")); ac.abort(); et.dispatchEvent(new Event("z"));
try { new Event(); } catch (e) { console.log(e.name); }
