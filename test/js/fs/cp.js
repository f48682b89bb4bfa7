// fs.cp / cpSync / fsPromises.cp: recursive copies, symlinks, filters and
// the ERR_FS_CP_* errors.
const fs = require('fs');
const path = require('path');
const d = path.join(__dirname, 'work');
const src = path.join(d, 'src');
fs.mkdirSync(path.join(src, 'sub/deep'), { recursive: true });
fs.writeFileSync(path.join(src, 'a.txt'), 'A');
fs.writeFileSync(path.join(src, 'sub/b.txt'), 'B');
fs.writeFileSync(path.join(src, 'sub/deep/c.log'), 'C');
fs.symlinkSync('a.txt', path.join(src, 'link'));
const show = (e) => console.log(e.name, e.code, e.message.split(__dirname).join('<d>'), e.errno, e.syscall);
try { fs.cpSync(src, path.join(d, 'dst')); } catch (e) { show(e); }
try { fs.cpSync(src, src, { recursive: true }); } catch (e) { show(e); }
try { fs.cpSync(src, path.join(src, 'sub/inner'), { recursive: true }); } catch (e) { show(e); }
try { fs.cpSync(path.join(d, 'missing'), path.join(d, 'x')); } catch (e) { show(e); }
try { fs.cpSync(src, path.join(d, 'x'), { recursive: 'yes' }); } catch (e) { show(e); }
fs.cpSync(src, path.join(d, 'dst'), { recursive: true });
console.log(fs.readdirSync(path.join(d, 'dst'), { recursive: true }).sort(), fs.readlinkSync(path.join(d, 'dst/link')).split(__dirname).join('<d>'));
fs.cpSync(src, path.join(d, 'filtered'), { recursive: true, filter: (s) => !s.endsWith('.log') });
console.log(fs.readdirSync(path.join(d, 'filtered'), { recursive: true }).sort());
fs.writeFileSync(path.join(d, 'dst/a.txt'), 'changed');
fs.cpSync(path.join(src, 'a.txt'), path.join(d, 'dst/a.txt'), { force: false });
console.log(fs.readFileSync(path.join(d, 'dst/a.txt'), 'utf8'));
try { fs.cpSync(path.join(src, 'a.txt'), path.join(d, 'dst/a.txt'), { force: false, errorOnExist: true }); } catch (e) { show(e); }
fs.cpSync(path.join(src, 'a.txt'), path.join(d, 'dst/a.txt'));
console.log(fs.readFileSync(path.join(d, 'dst/a.txt'), 'utf8'));
try { fs.cpSync(src, path.join(d, 'dst/a.txt'), { recursive: true }); } catch (e) { show(e); }
try { fs.cpSync(path.join(src, 'a.txt'), path.join(d, 'dst/sub')); } catch (e) { show(e); }
fs.cp(path.join(src, 'sub'), path.join(d, 'cb'), { recursive: true }, (err) => {
  console.log('cp cb', err, fs.readdirSync(path.join(d, 'cb')).sort());
  fs.promises.cp(path.join(src, 'a.txt'), path.join(d, 'new/dir/a.txt')).then(() => {
    console.log('promise cp', fs.readFileSync(path.join(d, 'new/dir/a.txt'), 'utf8'));
    fs.rmSync(d, { recursive: true });
  });
});
