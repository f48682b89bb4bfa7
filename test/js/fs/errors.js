// Node-shaped errors: system errors with errno/code/syscall/path/dest, and
// argument validation codes.
const fs = require('fs');
const path = require('path');
const d = path.join(__dirname, 'work');
fs.mkdirSync(d);
fs.writeFileSync(path.join(d, 'file'), 'x');
const show = (e) => console.log(e.name, e.code, JSON.stringify(e.message), e.errno, e.syscall, e.path && path.relative(__dirname, e.path), e.dest && path.relative(__dirname, e.dest), Object.keys(e).join());
const cases = [
  () => fs.readFileSync(path.join(d, 'missing')),
  () => fs.openSync(path.join(d, 'file'), 'wx'),
  () => fs.readdirSync(path.join(d, 'file')),
  () => fs.rmdirSync(d),
  () => fs.mkdirSync(d),
  () => fs.unlinkSync(d),
  () => fs.renameSync(path.join(d, 'missing'), path.join(d, 'other')),
  () => fs.linkSync(path.join(d, 'missing'), path.join(d, 'other')),
  () => fs.symlinkSync('x', path.join(d, 'file')),
  () => fs.copyFileSync(path.join(d, 'missing'), path.join(d, 'other')),
  () => fs.readlinkSync(path.join(d, 'file')),
  () => fs.accessSync(path.join(d, 'missing')),
  () => fs.statSync(path.join(d, 'file', 'sub')),
  () => fs.closeSync(987654),
  () => fs.readSync(987654, Buffer.alloc(1)),
  () => fs.readFileSync(d),
  () => fs.readFileSync(123),
  () => fs.readFileSync(true),
  () => fs.readFileSync('a\u0000b'),
  () => fs.readFileSync(path.join(d, 'file'), 'bogus'),
  () => fs.readFileSync(path.join(d, 'file'), { flag: 'q' }),
  () => fs.writeFileSync(path.join(d, 'file'), 42),
  () => fs.openSync(path.join(d, 'file'), 'r', 'abc'),
  () => fs.closeSync(-1),
  () => fs.closeSync('1'),
  () => fs.readSync(0, 'x'),
  () => fs.readSync(0, Buffer.alloc(2), 0, 3, 0),
  () => fs.readSync(0, Buffer.alloc(2), -1, 1, 0),
  () => fs.writeSync(1, Buffer.alloc(2), 3),
  () => fs.writeSync(1, {}),
  () => fs.mkdirSync(path.join(d, 'x'), { recursive: 'yes' }),
  () => fs.accessSync(d, 8),
  () => fs.readFile(path.join(d, 'file')),
  () => fs.stat(d, 'notfn'),
  () => fs.chownSync(d, -2, 0),
  () => fs.utimesSync(d, 'x', 1),
  () => fs.copyFileSync(d, d, 9),
  () => fs.rmSync(d),
  () => fs.rmSync(path.join(d, 'missing')),
  () => fs.ftruncateSync(0, 'x'),
];
for (const c of cases) {
  try { console.log('ok', c()); } catch (e) { show(e); }
}
fs.rmSync(d, { recursive: true, force: true });
