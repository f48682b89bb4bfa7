// cork()/uncork() batch writes into one _writev call; end() uncorks.
const { Writable } = require('stream');
const w = new Writable({
  write(chunk, enc, cb) { console.log('write', String(chunk)); cb(); },
  writev(chunks, cb) {
    console.log('writev', chunks.length, chunks.map((c) => String(c.chunk) + '/' + c.encoding).join(','), chunks.allBuffers);
    cb();
  },
});
w.cork();
w.write('a');
w.write('b');
w.cork();
w.write('c');
console.log('corked', w.writableCorked, 'len', w.writableLength, w.writableBuffer.length);
w.uncork();
console.log('after one uncork', w.writableCorked);
w.uncork();
console.log('after two', w.writableCorked, w.writableLength);
w.write('d');
process.nextTick(() => {
  w.cork();
  w.write('e');
  w.write('f', 'latin1');
  w.end('g');
});
w.on('finish', () => console.log('finish'));

const s = new Writable({
  decodeStrings: false,
  write(chunk, enc, cb) { console.log('nodecode', typeof chunk, chunk, enc); cb(); },
});
s.write('hi', 'latin1');
s.write(Buffer.from('b'));
s.setDefaultEncoding('hex');
s.write('ff');
