// node-tar's documented usage: create a gzipped archive, list it, extract it.
const tar = require('tar');
const fs = require('fs');
(async () => {
  const opts = { portable: true, mtime: new Date('2024-01-01T00:00:00Z') };
  await tar.c({ ...opts, gzip: true, file: 'pkg.tgz' }, ['pkg']);
  const entries = [];
  await tar.t({ file: 'pkg.tgz', onentry: (e) => entries.push(`${e.type} ${e.path} ${e.size}`) });
  console.log(entries.sort().join('\n'));
  fs.mkdirSync('out');
  await tar.x({ file: 'pkg.tgz', cwd: 'out', strip: 1 });
  console.log(fs.readdirSync('out').sort(), fs.readFileSync('out/lib/index.js', 'utf8').trim());
  tar.c({ ...opts, sync: true, file: 'plain.tar' }, ['pkg/README.md']);
  console.log('plain.tar', fs.statSync('plain.tar').size);
  try { await tar.t({ file: 'missing.tgz' }); } catch (e) { console.log(e.code, e.syscall); }
})();
