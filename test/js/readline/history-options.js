// Options: history array (newest first) is used and updated, historySize
// trims it, removeHistoryDuplicates, empty and blank lines not added; bad
// completer/historySize throw.
const readline = require('readline');
const { PassThrough, Writable } = require('stream');
const sink = new Writable({ write(c, e, cb) { cb(); } });
const input = new PassThrough();
const history = ['old2', 'old1'];
const rl = readline.createInterface({ input, output: sink, terminal: true, history, historySize: 4, removeHistoryDuplicates: true });
rl.on('history', (h) => console.log('history', JSON.stringify(h), h === history));
input.write('a\r');
input.write('old1\r');
input.write('\r');
input.write('   \r');
input.write('b\r');
input.write('c\r');
setImmediate(() => {
  console.log('final', JSON.stringify(rl.history));
  rl.close();
  for (const opts of [{ completer: 'x' }, { historySize: -1 }, { historySize: NaN }, { history: 'x' }]) {
    try { readline.createInterface({ input: new PassThrough(), ...opts }); } catch (e) { console.log(e.name, e.code, e.message); }
  }
});
