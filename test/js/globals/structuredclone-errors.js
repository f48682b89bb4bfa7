// Uncloneable values throw a DataCloneError DOMException.
for (const v of [() => 1, Symbol("s"), { f() {} }, new WeakMap()]) {
  try { structuredClone(v); console.log("cloned?!"); }
  catch (e) { console.log(e.name, e instanceof DOMException, e.code); }
}
class Point { constructor() { this.x = 1; } }
const p = structuredClone(new Point());
console.log(p instanceof Point, p.constructor === Object, p);
try { structuredClone(); } catch (e) { console.log(e.name); }
