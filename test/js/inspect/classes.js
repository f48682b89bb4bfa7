// Class instances, subclasses, null-prototype classes, toStringTag, functions.
class Point { constructor() { this.x = 1; this.y = 2; } }
class Point3 extends Point { constructor() { super(); this.z = 3; } }
class Empty {}
class Tagged { get [Symbol.toStringTag]() { return "TagName"; } }
console.log(new Point(), new Point3(), new Empty(), new Tagged());
console.log(Point, Point3, Empty, class {}, function named() {}, () => {}, async function af() {}, function* g() {});
function Legacy() { this.v = 1; }
console.log(new Legacy(), Object.create(Point.prototype));
const fn = function withProps() {}; fn.prop = 1;
console.log(fn, Math.max, Symbol, [Point]);
class Priv { #secret = 1; pub = 2; static s = 3; }
console.log(new Priv(), Priv);
