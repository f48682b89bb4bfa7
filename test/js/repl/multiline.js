'use strict';
// Which unfinished inputs continue on the next line (`... `) and which are syntax errors at once.
const repl = require('repl');

const { session } = require('./_session');

session({}, [
  '"abc\\', 'def"', '/* comment', '*/ 5', 'x =', '3', 'console.log(1 2)', '1', '/abc', '7', 'a.', 'length',
  '[1,', '2]', 'if (true)', '"then"', 'class A {', 'm() { return 1; } }', 'new A().m()', '(x) =>', 'x * 2',
  '({ a: 1', '})', 'function broken() {', 'return )', '}', '.break', 'let t = `a', '${1 + 1}', 'b`', 't',
]).then(({ out }) => process.stdout.write(out + '\n--exit\n'));
