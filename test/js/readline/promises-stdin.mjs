// readline/promises and stream/promises as ES modules over process.stdin.
import * as readline from 'node:readline/promises';
import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import { stdin as input, stdout as output } from 'node:process';

const rl = readline.createInterface({ input, output });
const answer = await rl.question('Number? ');
console.log('\ndouble:', Number(answer) * 2);
rl.close();
const seen = [];
await pipeline(Readable.from(['x', 'y']), new Writable({ objectMode: true, write(c, e, cb) { seen.push(c); cb(); } }));
console.log(seen.join(','));
