// More terminal keys: ctrl+b/f/h/d/l/n/p, delete, ctrl+left/right,
// meta+f/backspace, undo (ctrl+-) and redo (ctrl+^), history prefix search,
// wide characters and a line longer than the terminal width, ctrl+c with a
// SIGINT listener, ctrl+d on an empty line closing the interface.
const readline = require('readline');
const { PassThrough, Writable } = require('stream');
let out = '';
const output = new Writable({ write(c, e, cb) { out += c; cb(); } });
output.columns = 12;
const input = new PassThrough();
const rl = readline.createInterface({ input, output, terminal: true, prompt: '$ ', history: ['git status', 'ls -l', 'git log'] });
rl.on('line', (l) => console.log('line', JSON.stringify(l)));
rl.on('SIGINT', () => console.log('SIGINT, line was', JSON.stringify(rl.line)));
rl.on('close', () => { console.log('close'); console.log(JSON.stringify(out)); });
rl.prompt();
const keys = [
  'abcdef', '\x02', '\x02', '\x08', '\x06', '\x04', '\x1b[3~', '\r',
  'one two three', '\x1b[1;5D', '\x1b[1;5D', '\x1b\x7f', '\x1b[1;5C', '\x1bf', 'X', '\r',
  'undo me', '\x1f', '\x1f', '\x1e', '\r',
  'git', '\x1b[A', '\x1b[A', '\x1b[A', '\x1b[B', '\r',
  '日本語テキスト and more', '\x0c', '\r',
  'interrupted', '\x03', '\x15', '\x04',
];
let i = 0;
(function next() {
  if (i === keys.length) return;
  input.write(keys[i++]);
  setImmediate(next);
})();
