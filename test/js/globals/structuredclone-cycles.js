// structuredClone keeps shared references and cycles.
const a = { name: "a" };
a.self = a;
const shared = { s: 1 };
a.list = [shared, shared];
const c = structuredClone(a);
console.log(c.self === c, c.list[0] === c.list[1], c.list[0] !== shared);
const m = new Map(); m.set("me", m);
const cm = structuredClone(m);
console.log(cm.get("me") === cm);
