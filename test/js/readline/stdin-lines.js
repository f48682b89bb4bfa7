// Reading process.stdin line by line ('line' events then 'close').
const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin });
let n = 0;
rl.on('line', (line) => {
  n++;
  console.log(`${n}: [${line}] ${line.length}`);
});
rl.on('close', () => console.log('closed after', n, 'lines'));
