// Circular references are shown as [Circular *n] with a <ref *n> marker.
const a = { name: "a" }; a.self = a;
console.log(a);
const b = { x: { y: {} } }; b.x.y.back = b; b.x.y.toX = b.x;
console.log(b);
const arr = [1]; arr.push(arr);
console.log(arr);
const m = new Map(); m.set("m", m);
console.log(m);
