// terminal: true over a non-TTY pair: keystrokes edit the line in place
// (insert, left/right, home/end, backspace, ctrl+u/w/k, word moves), Enter
// emits 'line' and 'history'; up/down walk the history; the exact output
// written (prompt redraws, cursor moves) is printed.
const readline = require('readline');
const { PassThrough, Writable } = require('stream');
let out = '';
const output = new Writable({ write(c, e, cb) { out += c; cb(); } });
output.columns = 40;
const input = new PassThrough();
const rl = readline.createInterface({ input, output, terminal: true, prompt: '> ', historySize: 3 });
rl.on('line', (l) => console.log('line', JSON.stringify(l), 'cursor', rl.cursor));
rl.on('history', (h) => console.log('history', JSON.stringify(h)));
rl.on('close', () => console.log('close'));
rl.prompt();
const keys = [
  'hello', '\x1b[D', '\x1b[D', 'X', '\x1b[H', '>', '\x1b[F', '\x7f', '\r',
  'foo bar baz', '\x17', '\x01', '\x1b[C', '\x0b', '\r',
  'one two', '\x1bb', '\x1bd', '\r',
  '\x1b[A', '\x1b[A', '\x1b[B', '\r',
  'abc\x15xyz\r',
];
let i = 0;
function next() {
  if (i === keys.length) {
    console.log(JSON.stringify(out));
    console.log('line now', JSON.stringify(rl.line), rl.history.length);
    rl.close();
    return;
  }
  input.write(keys[i++]);
  setImmediate(next);
}
next();
