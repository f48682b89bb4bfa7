// Kill ring: ctrl+u / ctrl+k remember what they delete, ctrl+y pastes the
// newest, meta+y right after ctrl+y cycles to older ones; any other key
// ends the cycle.
const readline = require('readline');
const { PassThrough, Writable } = require('stream');
let out = '';
const output = new Writable({ write(c, e, cb) { out += c; cb(); } });
output.columns = 60;
const input = new PassThrough();
const rl = readline.createInterface({ input, output, terminal: true, prompt: '> ' });
rl.on('line', (l) => console.log('line', JSON.stringify(l)));
const keys = [
  'first second', '\x15', 'third', '\x01', '\x0b', 'x', '\x19', '\x1by', '\x1by', '\x1by', '\r',
  'abc', '\x19', 'Z', '\x1by', '\r',
];
let i = 0;
(function next() {
  if (i === keys.length) { console.log(JSON.stringify(out)); rl.close(); return; }
  input.write(keys[i++]);
  setImmediate(next);
})();
