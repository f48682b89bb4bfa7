// question() and prompt() over process.stdin/process.stdout (not a TTY):
// the queries are written to stdout, answers read line by line.
const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
rl.question('What is your name? ', (name) => {
  rl.question('Favourite colour? ', (colour) => {
    console.log(`\n${name} likes ${colour}`);
    rl.setPrompt('cmd> ');
    rl.prompt();
    rl.on('line', (line) => {
      if (line === 'quit') { rl.close(); return; }
      console.log(`[${line}]`);
      rl.prompt();
    });
  });
});
rl.on('close', () => console.log('\nbye'));
