// The positional constructor forms, Interface without new, write() feeding
// lines, getCursorPos/line/cursor, 'pause'/'resume' around question(),
// closing through an AbortSignal, promisified question, readline.promises.
const readline = require('readline');
const util = require('util');
const { PassThrough, Writable } = require('stream');
const sink = new Writable({ write(c, e, cb) { cb(); } });
const input = new PassThrough();
const rl = readline.Interface(input, sink, undefined, false);
console.log(rl instanceof readline.Interface, rl.terminal, JSON.stringify(rl.line), rl.cursor, typeof rl.getCursorPos());
rl.on('line', (l) => console.log('line', l));
rl.write('typed line\n');
rl.write('partial');
rl.write(' end\r\n');
const ac = new AbortController();
const rl2 = readline.createInterface({ input: new PassThrough(), signal: ac.signal });
rl2.on('close', () => console.log('rl2 closed by signal'));
ac.abort();
const q = util.promisify(rl.question).bind(rl);
q('promisified? ').then((a) => {
  console.log('promisified answer', a);
  console.log(typeof readline.promises.createInterface, typeof readline.promises.Readline);
  rl.close();
});
setImmediate(() => input.write('yes\n'));
