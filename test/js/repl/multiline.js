'use strict';
// Which unfinished inputs continue on the next line (`... `) and which are syntax errors at once.
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

session({}, [
  '"abc\\', 'def"', '/* comment', '*/ 5', 'x =', '3', 'console.log(1 2)', '1', '/abc', '7', 'a.', 'length',
  '[1,', '2]', 'if (true)', '"then"', 'class A {', 'm() { return 1; } }', 'new A().m()', '(x) =>', 'x * 2',
  '({ a: 1', '})', 'function broken() {', 'return )', '}', '.break', 'let t = `a', '${1 + 1}', 'b`', 't',
]).then(({ out }) => process.stdout.write(out + '\n--exit\n'));
