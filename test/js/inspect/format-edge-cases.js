// util.format / console.log format edge cases.
console.log("%s %s", "only one");
console.log("100%", "literal percent", "%");
console.log("%d %i %f", -0, -0, -0);
console.log("%s", -0, [-0], "%s", 5);
console.log("%d", "abc", "%i", 12.9);
console.log("%s", null, undefined, "%s");
console.log("%j", { toJSON() { return "custom"; } });
const circ = {}; circ.c = circ;
console.log("%j", circ);
console.log("%o", { f() {}, nested: { deep: { deeper: { deepest: 1 } } } });
console.log("%s", { toString() { return "custom toString"; } }, "%s", new (class Foo { toString() { return "Foo!"; } })());
console.log("%s", new Error("err in %s").message, "%s".repeat(2), Symbol("q"));
console.log(5, "%s", "x");
