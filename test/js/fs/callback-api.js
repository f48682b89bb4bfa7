// Callback forms: results, errors and their order relative to nextTick.
const fs = require('fs');
const path = require('path');
const d = path.join(__dirname, 'work');
fs.mkdirSync(d);
const f = path.join(d, 'cb.txt');
const steps = [
  (next) => fs.writeFile(f, 'callback data', (err) => { console.log('writeFile', err); next(); }),
  (next) => fs.appendFile(f, '!', (err) => { console.log('appendFile', err); next(); }),
  (next) => fs.readFile(f, 'utf8', (err, s) => { console.log('readFile', err, s); next(); }),
  (next) => fs.readFile(f, (err, b) => { console.log('readFile buf', err, b.length, Buffer.isBuffer(b)); next(); }),
  (next) => fs.stat(f, (err, st) => { console.log('stat', err, st.size, st.isFile()); next(); }),
  (next) => fs.lstat(path.join(d, 'nope'), (err) => { console.log('lstat', err.code, err.syscall, path.basename(err.path)); next(); }),
  (next) => fs.open(f, 'r', (err, fd) => {
    console.log('open', err, typeof fd);
    const b = Buffer.alloc(8);
    fs.read(fd, b, 0, 8, 0, (err, n, buf) => {
      console.log('read', err, n, buf === b, b.toString());
      fs.read(fd, (err, n, buf) => {
        console.log('read default', err, n, buf.length);
        fs.fstat(fd, (err, st) => {
          console.log('fstat', err, st.size);
          fs.close(fd, (err) => { console.log('close', err); next(); });
        });
      });
    });
  }),
  (next) => fs.open(f, 'r+', (err, fd) => {
    fs.write(fd, 'CALL', 0, (err, n, s) => {
      console.log('write string', err, n, s);
      fs.write(fd, Buffer.from('back'), 0, 4, 4, (err, n, b) => {
        console.log('write buffer', err, n, b.toString());
        fs.ftruncate(fd, 8, (err) => { console.log('ftruncate', err); fs.close(fd, () => next()); });
      });
    });
  }),
  (next) => fs.readFile(f, 'utf8', (err, s) => { console.log('after writes', s); next(); }),
  (next) => fs.mkdir(path.join(d, 'a/b/c'), { recursive: true }, (err, first) => { console.log('mkdir -p', err, path.relative(d, first)); next(); }),
  (next) => fs.mkdir(path.join(d, 'a'), (err) => { console.log('mkdir exists', err.code); next(); }),
  (next) => fs.readdir(d, (err, names) => { console.log('readdir', err, names.sort()); next(); }),
  (next) => fs.readdir(d, { withFileTypes: true }, (err, ents) => { console.log('readdir types', ents.map((e) => `${e.name}:${e.isDirectory()}`).sort()); next(); }),
  (next) => fs.rename(f, path.join(d, 'renamed'), (err) => { console.log('rename', err); next(); }),
  (next) => fs.copyFile(path.join(d, 'renamed'), path.join(d, 'copy'), (err) => { console.log('copyFile', err); next(); }),
  (next) => fs.symlink('copy', path.join(d, 'ln'), (err) => { console.log('symlink', err); next(); }),
  (next) => fs.readlink(path.join(d, 'ln'), (err, t) => { console.log('readlink', err, t); next(); }),
  (next) => fs.realpath(path.join(d, 'ln'), (err, p) => { console.log('realpath', err, path.basename(p)); next(); }),
  (next) => fs.access(path.join(d, 'copy'), fs.constants.R_OK, (err) => { console.log('access', err); next(); }),
  (next) => fs.exists(path.join(d, 'copy'), (ok) => { console.log('exists', ok); next(); }),
  (next) => fs.chmod(path.join(d, 'copy'), 0o600, (err) => { console.log('chmod', err, (fs.statSync(path.join(d, 'copy')).mode & 0o777).toString(8)); next(); }),
  (next) => fs.utimes(path.join(d, 'copy'), 5, 6, (err) => { console.log('utimes', err, fs.statSync(path.join(d, 'copy')).mtimeMs); next(); }),
  (next) => fs.truncate(path.join(d, 'copy'), 3, (err) => { console.log('truncate', err, fs.readFileSync(path.join(d, 'copy'), 'utf8')); next(); }),
  (next) => fs.mkdtemp(path.join(d, 't-'), (err, p) => { console.log('mkdtemp', err, path.basename(p).length); next(); }),
  (next) => fs.unlink(path.join(d, 'ln'), (err) => { console.log('unlink', err); next(); }),
  (next) => fs.rm(path.join(d, 'a'), { recursive: true }, (err) => { console.log('rm -r', err, fs.existsSync(path.join(d, 'a'))); next(); }),
  (next) => fs.rm(path.join(d, 'nope'), { force: true }, (err) => { console.log('rm -f', err); next(); }),
  (next) => fs.rmdir(path.join(d, 'nope'), (err) => { console.log('rmdir', err.code); next(); }),
];
let order = [];
fs.stat(__filename, () => order.push('stat callback'));
process.nextTick(() => order.push('nextTick'));
Promise.resolve().then(() => order.push('microtask'));
setImmediate(() => {
  console.log(order.join(' < ').replace('stat callback < ', '').replace(' < stat callback', ''));
  let i = 0;
  const next = () => { if (i < steps.length) steps[i++](next); else fs.rm(d, { recursive: true }, () => console.log('done')); };
  next();
});
