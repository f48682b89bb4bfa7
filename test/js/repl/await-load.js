'use strict';
// Top-level await in a multi-line input (.load of a file without semicolons): statements end at
// line ends, declarations, functions and classes stay defined afterwards, the last expression is
// the result, and the prompt shown while it is pending is `... ` as in Node.
const repl = require('repl');

const { session } = require('./_session');

const fs = require('fs');
const path = require('path');
fs.writeFileSync(path.join(__dirname, 'awaits.js'), [
  'const a = await Promise.resolve(1)', 'let b = a + 1', 'const o = {', '  k: await Promise.resolve("v"),', '}',
  'function helper() { return 3 }', 'class Box { constructor(v) { this.v = v } }', 'if (a) {', '  b += await 10', '}',
  '[a, b]', '  .map((x) => x * 2)', 'const s = `t${await 2}`', '// trailing comment', 'b + s', ''].join('\n'));
session({}, ['.load awaits.js', 'a', 'b', 'o', 's', 'helper()', 'new Box(await 4)', '_.v'])
  .then(({ out }) => process.stdout.write(out + '\n--exit\n'));
