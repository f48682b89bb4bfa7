'use strict';
// Expressions, declarations, object literals, multi-line input and _ in the REPL.
const repl = require('repl');

const { session } = require('./_session');

session({}, [
  '1 + 2', '"str"', 'null', 'undefined', '[1, 2, 3].map((x) => x * 2)', 'new Map([[1, { a: [1, 2] }]])',
  'Symbol("s")', '{ a: 1 }', '{ a: 1, b: "x" }', 'let z = 1', 'z + 1', 'var w = 2', 'w', 'x = 3', 'x',
  'function f(a) {', '  return a * 2;', '}', 'f(21)', '_', '_ + 1', 'const o = {', 'p: [1,', '2],', '}', 'o.p',
  '`abc', 'def`', '(1 +', '2)', 'if (true) {', '.break', '"after break"', 'console.log("printed", { k: 1 })',
  '[1, 2].length', '_', '', 'typeof require', 'typeof module', 'module.id', 'typeof fs.readFileSync',
  'path.join("a", "b")', 'typeof global', 'this === globalThis', 'Object.keys(this).includes("x")',
  '[] instanceof Array', 'class K { constructor() { this.v = 1; } }', 'new K()', '_ = 10', '1', '_',
]).then(({ out }) => process.stdout.write(out + '\n--exit\n'));
