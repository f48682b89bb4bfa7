// question() writes the query to output and hands the next line to the
// callback (not to 'line'); prompt()/setPrompt()/getPrompt(); question
// after close throws ERR_USE_AFTER_CLOSE; pause/resume events.
const readline = require('readline');
const { PassThrough, Writable } = require('stream');
let written = '';
const output = new Writable({ write(c, e, cb) { written += c; cb(); } });
const input = new PassThrough();
const rl = readline.createInterface({ input, output, terminal: false });
console.log(JSON.stringify(rl.getPrompt()));
rl.on('line', (l) => console.log('line event', l));
rl.on('pause', () => console.log('pause'));
rl.on('resume', () => console.log('resume'));
rl.question('Name? ', (answer) => {
  console.log('answer', answer);
  rl.setPrompt('$ ');
  rl.prompt();
  input.write('after prompt\n');
  setImmediate(() => {
    rl.close();
    console.log('written', JSON.stringify(written));
    try { rl.question('again?', () => {}); } catch (e) { console.log(e.name, e.code, e.message); }
    rl.close();
    console.log('closed twice ok');
  });
});
input.write('Ada\nsecond\n');
