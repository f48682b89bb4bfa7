'use strict';
// Errors in the REPL: "Uncaught" and the stack of the input's own functions, thrown non-errors,
// errors with properties, syntax errors with the source line and carets, _error.
const repl = require('repl');

const { session } = require('./_session');

session({}, [
  'throw new Error("boom")', '_error.message', 'function g() { throw new TypeError("in g"); }', 'g()',
  'function h() { g(); }', 'h()', 'foo.bar', 'null.x', 'throw 5', 'throw "text"', 'throw null', 'throw undefined',
  'throw { a: 1 }', 'throw Object.assign(new Error("y"), { code: "E1" })', 'class A {}; throw new A()',
  '}', '"abc', 'let 1x = 2', 'var a = ;', '[1, 2].reduce((a, b) => { throw new RangeError("r" + b); })',
  'try { g() } catch (e) { e.message }', '_error instanceof TypeError', '_error = 1', '_error', '1 + 1',
]).then(({ out }) => process.stdout.write(out + '\n--exit\n'));
