// Argument errors of createReadStream/createWriteStream are thrown at once.
const fs = require('fs');
for (const t of [() => fs.createReadStream(), () => fs.createWriteStream(), () => fs.createReadStream(1),
  () => fs.createReadStream('x', { start: 'a' }), () => fs.createReadStream('x', { end: -1 }),
  () => fs.createReadStream(null, { fd: 'x' }), () => fs.createWriteStream('x', { start: -5 }), () => fs.createReadStream('x', { fs: {} })]) {
  try { t(); console.log('ok'); } catch (e) { console.log(e.name, e.code, e.message); }
}
