'use strict';
// Top-level await in the REPL: the awaited value, declarations that stay defined for later lines,
// rejections as Uncaught, await inside expressions and loops, and lines typed while awaiting.
const repl = require('repl');
const { PassThrough } = require('stream');

// Types `lines` into a REPL on a PassThrough (non-terminal mode), one line
// each time the REPL is idle at a prompt, and resolves with the transcript
// when it exits.
function session(opts, lines, setup) {
  return new Promise((resolve) => {
    const input = new PassThrough();
    const output = new PassThrough();
    output.setEncoding('utf8');
    let out = '';
    let fedAt = -1;
    const r = repl.start({ input, output, ...opts });
    if (setup) setup(r);
    const check = () => {
      if (fedAt === out.length || !/(?:> |\.\.\. )$/.test(out)) return;
      fedAt = out.length;
      const line = lines.shift();
      if (line === undefined) input.end();
      else input.write(`${line}\n`);
    };
    output.on('data', (d) => {
      out += d;
      setImmediate(check);
    });
    r.on('exit', () => resolve({ out, r }));
  });
}

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
