// 'line' for \n, \r\n and \r endings, endings split across chunks, a last
// line without newline at 'end', then 'close'; multi-byte UTF-8 split
// across chunks.
const readline = require('readline');
const { PassThrough } = require('stream');
const input = new PassThrough();
const rl = readline.createInterface({ input });
const seen = [];
rl.on('line', (l) => seen.push(JSON.stringify(l)));
rl.on('close', () => console.log(seen.join(' '), rl.closed, rl.terminal));
input.write('one\ntwo\r');
input.write('\nthree\rfour\r\n\nfi');
const euro = Buffer.from('ve €\n');
input.write(euro.subarray(0, 4));
input.write(euro.subarray(4, 5));
input.write(euro.subarray(5));
input.end('last');
