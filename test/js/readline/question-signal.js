// question() with an AbortSignal (callback API): aborting cancels the
// question (clearLine written, old prompt restored, callback never runs);
// an already-aborted signal does nothing.
const readline = require('readline');
const { PassThrough, Writable } = require('stream');
let out = '';
const rl = readline.createInterface({ input: new PassThrough(), output: new Writable({ write(c, e, cb) { out += c; cb(); } }), terminal: false });
const ac = new AbortController();
rl.question('first? ', { signal: ac.signal }, (a) => console.log('never', a));
ac.abort();
rl.on('line', (l) => console.log('line event', l));
rl.question('second? ', (a) => { console.log('answer', a, JSON.stringify(out), rl.getPrompt()); rl.close(); });
rl.input.write('hi\n');
const pre = AbortSignal.abort();
rl.question('x', { signal: pre }, () => console.log('never2'));
