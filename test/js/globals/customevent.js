// CustomEvent (a global in Node 20) carries detail.
const et = new EventTarget();
et.addEventListener("ce", (e) => console.log(e.type, e.detail, e instanceof Event, e.constructor.name));
et.dispatchEvent(new CustomEvent("ce", { detail: { n: 1 } }));
console.log(new CustomEvent("x").detail);
