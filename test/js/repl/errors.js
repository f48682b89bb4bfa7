'use strict';
// Errors in the REPL: "Uncaught" and the stack of the input's own functions, thrown non-errors,
// errors with properties, syntax errors with the source line and carets, _error.
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
  'throw new Error("boom")', '_error.message', 'function g() { throw new TypeError("in g"); }', 'g()',
  'function h() { g(); }', 'h()', 'foo.bar', 'null.x', 'throw 5', 'throw "text"', 'throw null', 'throw undefined',
  'throw { a: 1 }', 'throw Object.assign(new Error("y"), { code: "E1" })', 'class A {}; throw new A()',
  '}', '"abc', 'let 1x = 2', 'var a = ;', '[1, 2].reduce((a, b) => { throw new RangeError("r" + b); })',
  'try { g() } catch (e) { e.message }', '_error instanceof TypeError', '_error = 1', '_error', '1 + 1',
]).then(({ out }) => process.stdout.write(out + '\n--exit\n'));
