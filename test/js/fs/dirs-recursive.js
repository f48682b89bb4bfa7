// mkdir -p results, readdir (withFileTypes, recursive, encoding), rm/rmdir
// recursive and force, opendir/Dir.
const fs = require('fs');
const path = require('path');
const d = path.join(__dirname, 'work');
const rel = (p) => (p === undefined ? p : path.relative(__dirname, p));
console.log(rel(fs.mkdirSync(path.join(d, 'a/b/c'), { recursive: true })), rel(fs.mkdirSync(path.join(d, 'a/b'), { recursive: true })), rel(fs.mkdirSync(path.join(d, 'a/b/c/d'), { recursive: true })));
fs.writeFileSync(path.join(d, 'a/f1'), '1');
fs.writeFileSync(path.join(d, 'a/b/f2'), '2');
fs.symlinkSync('f1', path.join(d, 'a/ln'));
try { fs.mkdirSync(path.join(d, 'a/f1/x'), { recursive: true }); } catch (e) { console.log(e.code, e.syscall, rel(e.path)); }
try { fs.mkdirSync(path.join(d, 'a/f1'), { recursive: true }); } catch (e) { console.log(e.code, e.syscall, rel(e.path)); }
console.log(fs.readdirSync(path.join(d, 'a')).sort());
console.log(fs.readdirSync(path.join(d, 'a'), { recursive: true }).sort());
console.log(fs.readdirSync(path.join(d, 'a'), { withFileTypes: true }).map((e) => [e.name, e.isFile(), e.isDirectory(), e.isSymbolicLink(), rel(e.path), rel(e.parentPath)]).sort());
console.log(fs.readdirSync(path.join(d, 'a'), { withFileTypes: true, recursive: true }).map((e) => `${rel(e.path)}/${e.name}`).sort());
console.log(fs.readdirSync(path.join(d, 'a'), 'buffer').map((b) => Buffer.isBuffer(b)), fs.readdirSync(path.join(d, 'a'), { encoding: 'hex' }).sort());
const e = fs.readdirSync(path.join(d, 'a'), { withFileTypes: true }).find((x) => x.name === 'f1');
console.log(e, e instanceof fs.Dirent);
const dir = fs.opendirSync(path.join(d, 'a'));
const seen = [];
let ent;
while ((ent = dir.readSync()) !== null) seen.push(ent.name);
console.log(seen.sort(), rel(dir.path));
dir.closeSync();
try { dir.readSync(); } catch (err) { console.log(err.code, err.message); }
try { dir.closeSync(); } catch (err) { console.log(err.code, err.message); }
fs.opendir(path.join(d, 'a/b'), async (err, dir2) => {
  console.log('opendir cb', err, (await dir2.read()) !== null);
  await dir2.close();
  fs.rmdirSync(path.join(d, 'a/b/c/d'));
  try { fs.rmdirSync(path.join(d, 'a')); } catch (e2) { console.log(e2.code, e2.syscall); }
  try { fs.rmSync(path.join(d, 'a')); } catch (e2) { console.log(e2.name, e2.code, e2.message.replace(__dirname, '<d>'), e2.errno, e2.syscall, JSON.stringify(e2.info).replace(__dirname, '<d>')); }
  fs.rmSync(path.join(d, 'a/ln'));
  console.log(fs.existsSync(path.join(d, 'a/f1')));
  fs.rmSync(path.join(d, 'a'), { recursive: true });
  fs.rmSync(path.join(d, 'gone'), { force: true });
  fs.rmSync(path.join(d, 'gone'), { recursive: true, force: true });
  try { fs.rmSync(path.join(d, 'gone'), { recursive: true }); } catch (e2) { console.log(e2.code, e2.syscall); }
  try { fs.rmSync(d, { recursive: 1 }); } catch (e2) { console.log(e2.code, e2.message); }
  console.log(fs.readdirSync(d));
  fs.rmdirSync(d, { recursive: true });
  console.log(fs.existsSync(d));
});
