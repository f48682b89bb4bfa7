'use strict';
// A REPL in terminal mode on a PassThrough: keys typed (Enter, Ctrl+C on an empty and on a
// non-empty line, Ctrl+D in .editor mode and to exit), the lines the history file gets
// (setupHistory), and the results evaluated.  The escape sequences are not compared; only
// facts about the output are printed.
const repl = require('repl');
const fs = require('fs');
const path = require('path');
const util = require('util');
const { PassThrough } = require('stream');

const hist = path.join(__dirname, 'history.txt');
const input = new PassThrough();
const output = new PassThrough();
output.setEncoding('utf8');
output.isTTY = true;
output.columns = 80;
let out = '';
output.on('data', (d) => { out += d; });
const results = [];
const r = repl.start({
  input, output, terminal: true, useColors: false,
  writer: (v) => { results.push(v); return util.inspect(v); },
});
const keys = [
  '1 + 1\r', 'let s = "abc"\r', 's.toUpperCase()\r',
  'half-typed', '\x03',               // Ctrl+C clears the line
  '\x03',                             // Ctrl+C on an empty line: the hint
  '.editor\r', 'const e = 40;\r', 'e + 2\r', '\x04', // Ctrl+D ends editor mode
  'function open(\r', '\x03',          // Ctrl+C drops the buffered lines
  '[1, 2].length\r',
  '\x04',                             // Ctrl+D on an empty line exits
];
r.on('exit', () => {
  const plain = util.stripVTControlCharacters(out);
  console.log('results', JSON.stringify(results));
  console.log('hint', plain.includes('(To exit, press Ctrl+C again or Ctrl+D or type .exit)'));
  console.log('editor', plain.includes('// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)'));
  console.log('continuation prompt', plain.includes('... '));
  console.log('history file', JSON.stringify(fs.readFileSync(hist, 'utf8').split('\n')));
  console.log('history', JSON.stringify(r.history.slice(0, 4)));
});
r.setupHistory(hist, (err) => {
  if (err) throw err;
  const next = () => {
    const k = keys.shift();
    if (k === undefined) return;
    input.write(k);
    setImmediate(next);
  };
  next();
});
