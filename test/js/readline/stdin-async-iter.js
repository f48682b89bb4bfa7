// for await (const line of rl) over process.stdin.
const readline = require('readline');
(async () => {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  const lines = [];
  for await (const line of rl) lines.push(line.toUpperCase());
  console.log(lines.length, lines.join('|'));
  console.log('closed', rl.closed);
})();
