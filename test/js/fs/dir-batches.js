'use strict';
// fs.Dir read in batches (opendir bufferSize): every entry exactly once for
// any batch size, queued asynchronous reads, ERR_DIR_CONCURRENT_OPERATION,
// close rules, async iteration (and closing on break), encodings,
// recursive, errors.  Directory order is the file system's, so names are
// printed sorted.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, 'dirwork');
fs.rmSync(root, { recursive: true, force: true });
const flat = path.join(root, 'flat');
fs.mkdirSync(flat, { recursive: true });
for (let i = 0; i < 75; i++) fs.writeFileSync(path.join(flat, `f${String(i).padStart(2, '0')}`), '');
const tree = path.join(root, 'tree');
fs.mkdirSync(path.join(tree, 'sub/deeper'), { recursive: true });
fs.writeFileSync(path.join(tree, 'top.txt'), 'x');
fs.writeFileSync(path.join(tree, 'sub/inner.txt'), 'y');
fs.writeFileSync(path.join(tree, 'sub/deeper/leaf.txt'), 'z');
fs.symlinkSync('top.txt', path.join(tree, 'link'));
const rel = (p) => path.relative(__dirname, p);

function readAllSync(dir) {
  const names = [];
  let d;
  while ((d = dir.readSync()) !== null) names.push(d.name);
  return names;
}

function show(label, fn) {
  try {
    console.log(label, 'ok', fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message.replace(__dirname, '<dir>'), e.syscall || '');
  }
}

(async () => {
  for (const bufferSize of [1, 3, 32, 74, 75, 1000]) {
    const dir = fs.opendirSync(flat, { bufferSize });
    const names = readAllSync(dir);
    const unique = new Set(names);
    console.log('bufferSize', bufferSize, names.length, unique.size, names.sort().join('') === [...unique].sort().join(''));
    console.log('after end', dir.readSync(), dir.readSync());
    dir.closeSync();
  }

  for (const bufferSize of [0, -1, 1.5, 'x', 2 ** 32]) {
    show(`bad bufferSize ${String(bufferSize)}`, () => fs.opendirSync(flat, { bufferSize }));
  }

  // queued asynchronous reads: each gets its own entry, in order of calls
  const qdir = fs.opendirSync(flat, { bufferSize: 4 });
  const got = [];
  await new Promise((resolve) => {
    let pending = 10;
    for (let i = 0; i < 10; i++) {
      const r = qdir.read((err, dirent) => {
        got.push([i, err, dirent && dirent.name.length]);
        if (--pending === 0) resolve();
      });
      if (i === 0) {
        console.log('read(cb) returns', r);
        show('readSync while reading', () => qdir.readSync());
        show('closeSync while reading', () => qdir.closeSync());
      }
    }
  });
  console.log(got.map(([i]) => i).join(','), got.every(([, e, n]) => e === null && n === 3));
  const rest = [];
  for (let d = qdir.readSync(); d !== null; d = qdir.readSync()) rest.push(d.name);
  console.log('rest', rest.length);
  // a close queued behind a read
  const cdir = fs.opendirSync(flat, { bufferSize: 2 });
  const order = [];
  await new Promise((resolve) => {
    cdir.read((err, d) => order.push(['read', err, typeof d.name]));
    cdir.close((err) => { order.push(['close', err]); resolve(); });
  });
  console.log(order);
  show('read after close', () => cdir.read(() => {}));
  show('readSync after close', () => cdir.readSync());
  await cdir.close().catch((e) => console.log('close() again', e.code));
  await new Promise((resolve) => cdir.close((err) => { console.log('close(cb) again', err.code); resolve(); }));
  show('closeSync again', () => cdir.closeSync());

  // promises
  const pdir = await fs.promises.opendir(flat, { bufferSize: 8 });
  console.log(pdir instanceof fs.Dir, rel(pdir.path));
  const first = pdir.read();
  console.log('read() is a promise', first instanceof Promise);
  console.log((await first).isFile());
  let count = 1;
  for await (const d of pdir) { count++; void d; }
  console.log('for await', count);
  show('read after iteration', () => pdir.readSync());

  const bdir = await fs.promises.opendir(flat);
  let seen = 0;
  for await (const d of bdir) { if (++seen === 5) break; void d; }
  show('after break', () => bdir.readSync());

  // encodings and types
  const edir = fs.opendirSync(tree, { encoding: 'buffer' });
  const ents = [];
  for (let d = edir.readSync(); d !== null; d = edir.readSync()) ents.push(d);
  edir.closeSync();
  console.log(ents.map((d) => [Buffer.isBuffer(d.name), d.name.toString(), d.isFile(), d.isDirectory(), d.isSymbolicLink(), rel(d.parentPath)]).sort((a, b) => (a[1] < b[1] ? -1 : 1)));
  const hdir = fs.opendirSync(tree, 'hex');
  console.log(readAllSync(hdir).sort());
  hdir.closeSync();

  // recursive
  const rdir = fs.opendirSync(tree, { recursive: true, bufferSize: 2 });
  const all = [];
  for (let d = rdir.readSync(); d !== null; d = rdir.readSync()) all.push(path.join(rel(d.parentPath), d.name));
  rdir.closeSync();
  console.log(all.sort());
  const adir = await fs.promises.opendir(tree, { recursive: true });
  const all2 = [];
  for await (const d of adir) all2.push(path.join(rel(d.parentPath), d.name));
  console.log(all2.sort().join() === all.join());

  // errors
  show('missing', () => fs.opendirSync(path.join(root, 'missing')));
  show('not a directory', () => fs.opendirSync(path.join(tree, 'top.txt')));
  show('bad path', () => fs.opendirSync(42));
  show('no callback', () => fs.opendir(flat));
  await new Promise((resolve) => fs.opendir(path.join(root, 'missing'), (err, d) => {
    console.log('callback error', err.code, err.syscall, rel(err.path), d);
    resolve();
  }));
  await fs.promises.opendir(path.join(root, 'missing')).catch((e) => console.log('promise error', e.code, e.errno, rel(e.path)));
  const url = new URL(`file://${flat}`);
  const udir = fs.opendirSync(url);
  console.log('url path', typeof udir.path, rel(udir.path));
  udir.closeSync();
  fs.rmSync(root, { recursive: true });
})();
