// With stdout on a terminal, readline defaults to terminal mode: the prompt
// is drawn with cursor sequences and typed lines are echoed by readline.
const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
console.log('terminal', rl.terminal, process.stdout.isTTY);
rl.setPrompt('tty> ');
rl.prompt();
rl.on('line', (l) => { console.log(`got ${l}`); rl.prompt(); });
rl.on('close', () => console.log('closed'));
