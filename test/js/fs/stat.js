// Stats and BigIntStats: fields, type predicates, bigint times, throwIfNoEntry.
const fs = require('fs');
const path = require('path');
const d = path.join(__dirname, 'work');
fs.mkdirSync(d);
const f = path.join(d, 'f');
fs.writeFileSync(f, '12345');
fs.utimesSync(f, 1700000000.5, 1700000001.25);
fs.symlinkSync('f', path.join(d, 'l'));
const s = fs.statSync(f);
console.log(Object.keys(s).join(), s.constructor.name, s instanceof fs.Stats);
console.log(s.size, s.isFile(), s.isDirectory(), s.isSymbolicLink(), s.isFIFO(), s.isSocket(), s.isBlockDevice(), s.isCharacterDevice(), typeof s.ino, typeof s.dev, s.nlink);
console.log(s.atimeMs, s.mtimeMs, s.atime.toISOString(), s.mtime.toISOString(), s.mtime instanceof Date);
const b = fs.statSync(f, { bigint: true });
console.log(Object.keys(b).join(), typeof b.size, b.size, b.isFile(), b.atimeMs, b.atimeNs, b.mtimeNs, b.mtime.toISOString());
console.log(fs.lstatSync(path.join(d, 'l')).isSymbolicLink(), fs.statSync(path.join(d, 'l')).isSymbolicLink(), fs.statSync(d).isDirectory(), fs.statSync('/dev/null').isCharacterDevice());
console.log(fs.statSync(path.join(d, 'none'), { throwIfNoEntry: false }), fs.lstatSync(path.join(d, 'none', 'x'), { throwIfNoEntry: false }));
const fd = fs.openSync(f, 'r');
console.log(fs.fstatSync(fd).size, fs.fstatSync(fd, { bigint: true }).size);
fs.closeSync(fd);
fs.stat(f, { bigint: true }, (err, st) => {
  console.log('async bigint', err, st.size);
  fs.fstat(0, (err2, st2) => {
    console.log('fstat 0', err2, typeof st2.mode);
    fs.rmSync(d, { recursive: true });
  });
});
