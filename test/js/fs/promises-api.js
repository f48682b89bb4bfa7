// fs/promises and FileHandle.
const fsp = require('fs/promises');
const fs = require('fs');
const path = require('path');
(async () => {
  console.log(fsp === fs.promises, typeof fsp.constants, Object.keys(fsp).includes('FileHandle') || 'no-FileHandle-key');
  const d = path.join(__dirname, 'work');
  await fsp.mkdir(path.join(d, 'x/y'), { recursive: true });
  const f = path.join(d, 'p.txt');
  await fsp.writeFile(f, 'promise data');
  await fsp.appendFile(f, '+more');
  console.log(await fsp.readFile(f, 'utf8'), (await fsp.readFile(f)).length, (await fsp.stat(f)).size, (await fsp.lstat(d)).isDirectory());
  const fh = await fsp.open(f, 'r+');
  console.log(typeof fh.fd, fh.constructor.name);
  const { bytesRead, buffer } = await fh.read(Buffer.alloc(7), 0, 7, 0);
  console.log(bytesRead, buffer.toString());
  const r2 = await fh.read({ buffer: Buffer.alloc(4), position: 8 });
  console.log(r2.bytesRead, r2.buffer.toString());
  const w = await fh.write('PROM', 0);
  console.log(w.bytesWritten, w.buffer);
  const w2 = await fh.write(Buffer.from('xx'), 0, 2, 4);
  console.log(w2.bytesWritten);
  console.log(await fh.readFile({ encoding: 'utf8' }), (await fh.stat()).size);
  await fh.truncate(4);
  await fh.sync();
  await fh.datasync();
  await fh.close();
  await fh.close();
  console.log(await fsp.readFile(f, 'utf8'));
  try { await fh.read(Buffer.alloc(1), 0, 1, 0); } catch (e) { console.log('closed handle', e.code); }
  await fsp.writeFile(f, (async function* () { yield 'a'; yield Buffer.from('b'); })());
  console.log(await fsp.readFile(f, 'utf8'));
  await fsp.copyFile(f, path.join(d, 'copy'));
  await fsp.rename(path.join(d, 'copy'), path.join(d, 'moved'));
  await fsp.symlink('moved', path.join(d, 'ln'));
  console.log(await fsp.readlink(path.join(d, 'ln')), path.basename(await fsp.realpath(path.join(d, 'ln'))));
  console.log((await fsp.readdir(d)).sort(), (await fsp.readdir(d, { recursive: true })).sort());
  await fsp.chmod(f, 0o604);
  await fsp.utimes(f, 10, 20);
  const st = await fsp.stat(f, { bigint: true });
  console.log((st.mode & 0o777n).toString(8), st.mtimeMs, st.mtimeNs, typeof st.size);
  await fsp.access(f);
  for (const t of [() => fsp.access(path.join(d, 'none')), () => fsp.readFile(path.join(d, 'none')), () => fsp.open(path.join(d, 'none')),
    () => fsp.mkdir(d), () => fsp.rm(d), () => fsp.readFile(1.5), () => fsp.writeFile(f, 42), () => fsp.unlink(path.join(d, 'none')), () => fsp.rmdir(d)]) {
    try { await t(); console.log('ok'); } catch (e) { console.log(e.name, e.code, e.syscall, e.path && path.relative(__dirname, e.path), e.message.replace(__dirname, '<d>')); }
  }
  const dir = await fsp.opendir(d);
  const names = [];
  for await (const ent of dir) names.push(`${ent.name}:${ent.isFile()}`);
  console.log(names.sort());
  const t = await fsp.mkdtemp(path.join(d, 'tmp-'));
  console.log(path.basename(t).length);
  await fsp.truncate(f, 1);
  console.log(await fsp.readFile(f, 'utf8'));
  await fsp.rm(d, { recursive: true });
  console.log(fs.existsSync(d));
})();
