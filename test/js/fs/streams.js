// createReadStream (ranges, highWaterMark, encoding, fd) and
// createWriteStream (flags, start, events), piping between them.
const fs = require('fs');
const path = require('path');
const d = path.join(__dirname, 'work');
fs.mkdirSync(d);
const f = path.join(d, 'data.txt');
fs.writeFileSync(f, Buffer.from(Array.from({ length: 100000 }, (_, i) => 97 + (i % 26))));
const events = [];
const rs = fs.createReadStream(f, { highWaterMark: 16384 });
rs.on('open', (fd) => events.push(`open ${typeof fd}`));
rs.on('ready', () => events.push('ready'));
const sizes = [];
rs.on('data', (c) => sizes.push(c.length));
rs.on('end', () => events.push('end'));
rs.on('close', () => {
  events.push('close');
  console.log(events.join(','), sizes.join(','), rs.bytesRead, rs.path === f, rs.pending);
  ranges();
});
function ranges() {
  const parts = [];
  fs.createReadStream(f, { start: 3, end: 9, encoding: 'utf8' }).on('data', (c) => parts.push(c)).on('end', () => {
    console.log('range', parts);
    const p2 = [];
    fs.createReadStream(f, { start: 99998 }).on('data', (c) => p2.push(c.toString())).on('end', () => {
      console.log('tail', p2);
      try { fs.createReadStream(f, { start: 5, end: 2 }); } catch (e) { console.log(e.name, e.code, e.message); }
      try { fs.createReadStream(f, { start: -1 }); } catch (e) { console.log(e.name, e.code, e.message); }
      const bad = fs.createReadStream(path.join(d, 'missing'));
      bad.on('error', (e) => { console.log('error event', e.code, e.syscall); writes(); });
    });
  });
}
function writes() {
  const out = path.join(d, 'out.txt');
  const ws = fs.createWriteStream(out);
  const ev = [];
  ws.on('open', () => ev.push('open'));
  ws.on('ready', () => ev.push('ready'));
  ws.on('finish', () => ev.push('finish'));
  ws.on('close', () => {
    ev.push('close');
    console.log(ev.join(','), ws.bytesWritten, JSON.stringify(fs.readFileSync(out, 'utf8')));
    const ws2 = fs.createWriteStream(out, { flags: 'r+', start: 2 });
    ws2.end('XY', () => {
      console.log(fs.readFileSync(out, 'utf8'));
      const ws3 = fs.createWriteStream(out, { flags: 'a' });
      ws3.write('tail');
      ws3.end();
      ws3.on('close', () => {
        console.log(fs.readFileSync(out, 'utf8'));
        piping();
      });
    });
  });
  console.log(ws.write('line 1\n'), ws.write(Buffer.from('line 2\n')), ws.pending);
  ws.end('end\n');
}
function piping() {
  const copy = path.join(d, 'copy.txt');
  const w = fs.createWriteStream(copy);
  fs.createReadStream(f).pipe(w);
  w.on('close', () => {
    console.log('piped', fs.readFileSync(copy).equals(fs.readFileSync(f)));
    const fd = fs.openSync(f, 'r');
    const chunks = [];
    fs.createReadStream(null, { fd, start: 0, end: 4 }).on('data', (c) => chunks.push(c.toString())).on('close', () => {
      console.log('fd stream', chunks);
      try { fs.fstatSync(fd); } catch (e) { console.log('fd closed', e.code); }
      const ws = fs.createWriteStream(path.join(d, 'nodir', 'x'));
      ws.on('error', (e) => {
        console.log('write error', e.code, e.syscall);
        fs.rmSync(d, { recursive: true });
      });
    });
  });
}
