// Tab completion: one match is inserted, a common prefix is inserted, a
// second Tab lists the candidates; callback-style completers work too.
const readline = require('readline');
const { PassThrough, Writable } = require('stream');
let out = '';
const output = new Writable({ write(c, e, cb) { out += c; cb(); } });
output.columns = 30;
const input = new PassThrough();
const words = ['help', 'hello', 'history', 'quit'];
const rl = readline.createInterface({
  input, output, terminal: true, prompt: '$ ',
  completer: (line) => {
    const hits = words.filter((w) => w.startsWith(line));
    return [hits.length ? hits : words, line];
  },
});
rl.on('line', (l) => console.log('line', JSON.stringify(l)));
const seq = ['q', '\t', '\r', 'he', '\t', '\t', 'l', '\t', '\r'];
let i = 0;
(function next() {
  if (i === seq.length) {
    console.log(JSON.stringify(out));
    rl.close();
    cb();
    return;
  }
  input.write(seq[i++]);
  setTimeout(next, 2);
})();

function cb() {
  const input2 = new PassThrough();
  const rl2 = readline.createInterface({
    input: input2, output: new Writable({ write(c, e, d) { d(); } }), terminal: true,
    completer: (line, callback) => setTimeout(() => callback(null, [['xyz'], line]), 1),
  });
  rl2.on('line', (l) => { console.log('cb completer line', l); rl2.close(); });
  input2.write('x');
  input2.write('\t');
  setTimeout(() => input2.write('\r'), 20);
}
