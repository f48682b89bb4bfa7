// esprima 4 parses ES2017.
var answer = 6 * 7;
function square(x) { return x * x; }
const arrow = (a, b = 2) => a + b;
class Point { constructor(x, y) { this.x = x; this.y = y; } }
async function f() { await g(); }
for (const k of [1, 2]) { if (k) break; }
