'use strict';
// The dot commands: .help, .break, .clear (the 'reset' event), .save, .load, an invalid keyword,
// defineCommand (function and object forms), .exit and the 'exit' event.
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
fs.writeFileSync(path.join(__dirname, 'load-me.js'),
  'const q = 1;\nfunction add(a, b) {\n  return a + b;\n}\nadd(q, 2)\n');
session({}, [
  '.help', 'let kept = 1', 'kept', '.clear', 'typeof kept', 'function open(', '.break', '1 + 1',
  '.load load-me.js', 'add(q, 5)', '.load no-such-file.js', '.save saved.js', '.nope', '.5 + 1',
  '.hello world', '.upper abc', '.help', '.exit', '"never evaluated"',
], (r) => {
  r.on('reset', (ctx) => console.log('reset event, context has require:', typeof ctx.require));
  r.on('exit', () => console.log('exit event'));
  r.defineCommand('hello', {
    help: 'Say hello',
    action(name) {
      this.clearBufferedCommand();
      this.output.write(`hello ${name}!\n`);
      this.displayPrompt();
    },
  });
  r.defineCommand('upper', function(text) {
    this.output.write(`${text.toUpperCase()}\n`);
    this.displayPrompt();
  });
}).then(({ out }) => {
  process.stdout.write(out + '\n--exit\n');
  console.log(JSON.stringify(fs.readFileSync(path.join(__dirname, 'saved.js'), 'utf8')));
});
