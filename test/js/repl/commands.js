'use strict';
// The dot commands: .help, .break, .clear (the 'reset' event), .save, .load, an invalid keyword,
// defineCommand (function and object forms), .exit and the 'exit' event.
const repl = require('repl');

const { session } = require('./_session');

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
