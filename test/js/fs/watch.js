// fs.watch (rename/change events, close), fs.watchFile/unwatchFile
// (current and previous stats), a missing path.
const fs = require('fs');
const path = require('path');
const d = path.join(__dirname, 'work');
fs.mkdirSync(d);
const f = path.join(d, 'f.txt');
fs.writeFileSync(f, 'a');
try { fs.watch(path.join(d, 'missing')); } catch (e) { console.log(e.name, e.code, e.syscall, path.relative(__dirname, e.path)); }
try { fs.watch(d, { recursive: 'yes' }); } catch (e) { console.log(e.name, e.code, e.message); }
const seen = new Set();
const w = fs.watch(d, (event, name) => {
  const k = `${event} ${name}`;
  if (!seen.has(k)) { seen.add(k); console.log('watch', k); }
  if (name === 'new.txt' && event === 'rename') w.close();
});
console.log(w instanceof require('events'), typeof w.close, typeof w.ref, typeof w.unref);
w.on('close', () => {
  console.log('watcher closed');
  let calls = 0;
  const listener = (curr, prev) => {
    calls++;
    console.log('watchFile', curr.size, prev.size, curr.isFile(), curr.mtimeMs >= prev.mtimeMs);
    fs.unwatchFile(f, listener);
    fs.watchFile(path.join(d, 'nothere'), { interval: 20 }, (c2, p2) => {
      console.log('missing file', c2.size, c2.mtimeMs, p2.size);
      fs.unwatchFile(path.join(d, 'nothere'));
      fs.rmSync(d, { recursive: true });
    });
  };
  fs.watchFile(f, { interval: 20 }, listener);
  setTimeout(() => fs.writeFileSync(f, 'abcdef'), 60);
});
setTimeout(() => fs.writeFileSync(path.join(d, 'new.txt'), 'x'), 30);
