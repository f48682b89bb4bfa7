'use strict';
// Top-level await in a multi-line input (.load of a file without semicolons): statements end at
// line ends, declarations, functions and classes stay defined afterwards, the last expression is
// the result, and the prompt shown while it is pending is `... ` as in Node.
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

const fs = require('fs');
const path = require('path');
fs.writeFileSync(path.join(__dirname, 'awaits.js'), [
  'const a = await Promise.resolve(1)', 'let b = a + 1', 'const o = {', '  k: await Promise.resolve("v"),', '}',
  'function helper() { return 3 }', 'class Box { constructor(v) { this.v = v } }', 'if (a) {', '  b += await 10', '}',
  '[a, b]', '  .map((x) => x * 2)', 'const s = `t${await 2}`', '// trailing comment', 'b + s', ''].join('\n'));
session({}, ['.load awaits.js', 'a', 'b', 'o', 's', 'helper()', 'new Box(await 4)', '_.v'])
  .then(({ out }) => process.stdout.write(out + '\n--exit\n'));
