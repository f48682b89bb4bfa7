// Multi-byte characters split across read chunks (encoding set on the
// stream), tiny highWaterMarks, empty files, and write backpressure.
const fs = require('fs');
const path = require('path');
const d = path.join(__dirname, 'work');
fs.mkdirSync(d);
const f = path.join(d, 'u.txt');
const text = 'aé€😀'.repeat(50);
fs.writeFileSync(f, text);
const out = [];
fs.createReadStream(f, { encoding: 'utf8', highWaterMark: 3 }).on('data', (c) => out.push(c)).on('end', () => {
  console.log(out.join('') === text, out.length, out.slice(0, 4));
  const hex = [];
  fs.createReadStream(f, { encoding: 'hex', highWaterMark: 5, end: 9 }).on('data', (c) => hex.push(c)).on('end', () => {
    console.log(hex);
    const b64 = [];
    fs.createReadStream(f, { encoding: 'base64', highWaterMark: 4, end: 10 }).on('data', (c) => b64.push(c)).on('end', () => {
      console.log(b64, Buffer.from(b64.join(''), 'base64').equals(fs.readFileSync(f).subarray(0, 11)));
      fs.writeFileSync(path.join(d, 'empty'), '');
      let n = 0;
      fs.createReadStream(path.join(d, 'empty')).on('data', () => n++).on('end', () => {
        console.log('empty chunks', n, fs.readFileSync(path.join(d, 'empty')).length);
        const ws = fs.createWriteStream(path.join(d, 'bp.txt'), { highWaterMark: 8 });
        const results = [];
        for (let i = 0; i < 5; i++) results.push(ws.write('0123456789'));
        console.log(results, ws.writableLength, ws.writableNeedDrain);
        ws.once('drain', () => {
          console.log('drain', ws.writableLength);
          ws.end(() => {
            console.log(fs.readFileSync(path.join(d, 'bp.txt'), 'utf8').length);
            fs.rmSync(d, { recursive: true });
          });
        });
      });
    });
  });
});
