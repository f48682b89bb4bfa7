// statfs, openAsBlob, readv/writev, read() option forms, URL and Buffer
// paths, fs.promises.watch iteration.
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const d = path.join(__dirname, 'work');
fs.mkdirSync(d);
const f = path.join(d, 'v.txt');
const s = fs.statfsSync('/');
console.log(s.constructor.name, Object.keys(s).join(), typeof s.bsize, typeof fs.statfsSync('/', { bigint: true }).blocks);
const fd = fs.openSync(f, 'w+');
console.log(fs.writevSync(fd, [Buffer.from('ab'), Buffer.from('cd'), new Uint8Array([101])]), fs.writevSync(fd, [Buffer.from('XY')], 1));
const a = Buffer.alloc(2), b = Buffer.alloc(3);
console.log(fs.readvSync(fd, [a, b], 0), a.toString(), b.toString());
fs.closeSync(fd);
console.log(fs.readFileSync(pathToFileURL(f), 'utf8'), fs.readFileSync(Buffer.from(f), 'utf8'), fs.existsSync(pathToFileURL(f)));
try { fs.readFileSync(new URL('http://x/y')); } catch (e) { console.log(e.name, e.code, e.message); }
fs.open(f, 'r', (err, fd2) => {
  fs.read(fd2, { buffer: Buffer.alloc(4), position: 1 }, (err2, n, buf) => {
    console.log('read opts', err2, n, buf.toString());
    fs.read(fd2, Buffer.alloc(3), { length: 2, position: 0 }, (err3, n3, buf3) => {
      console.log('read buf+opts', err3, n3, buf3.toString('utf8', 0, n3));
      fs.writev(fd2, [Buffer.from('z')], (err4) => {
        console.log('writev on read-only', err4.code, err4.syscall);
        fs.closeSync(fd2);
        fs.openAsBlob(f, { type: 'text/plain' }).then(async (blob) => {
          console.log(blob.size, blob.type, await blob.text());
          const ac = new AbortController();
          const it = fs.promises.watch(d, { signal: ac.signal });
          setTimeout(() => fs.writeFileSync(path.join(d, 'w.txt'), '1'), 30);
          try {
            for await (const ev of it) {
              console.log('watch event', ev.eventType, ev.filename);
              ac.abort();
            }
          } catch (e) {
            console.log(e.name, e.code);
          }
          fs.rmSync(d, { recursive: true });
        });
      });
    });
  });
});
