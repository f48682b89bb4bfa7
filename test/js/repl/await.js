'use strict';
// Top-level await in the REPL: the awaited value, declarations that stay defined for later lines,
// rejections as Uncaught, await inside expressions and loops, and lines typed while awaiting.
const repl = require('repl');

const { session } = require('./_session');

const wait = (ms, v) => new Promise((resolve) => setTimeout(resolve, ms, v));
globalThis.wait = wait;
session({}, [
  'await Promise.resolve(42)', 'const y = await wait(5, "late"); y', 'y', 'let a = 1, b = await wait(1, 2)', 'a + b',
  'var v = await 3', 'v', '(await wait(1, 10)) + (await wait(1, 20))', 'await null', 'await wait(1)',
  'await Promise.reject(new RangeError("rejected"))', '_error.message', 'await Promise.reject(7)',
  'let total = 0; for (const n of [1, 2, 3]) total += await n; total', 'total',
  'async function f() { return 5; }', 'await f()', 'await { then(r) { r("thenable"); } }', '_',
  'const { x } = { x: 1 }', 'await "a"; "last value"', 'await 1; // comment', '"done"',
]).then(({ out }) => process.stdout.write(out + '\n--exit\n'));
