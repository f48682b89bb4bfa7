'use strict';
// A Dir collected while still open is closed for the program, with Node's
// warning (emitted later from the event loop, so only while it runs).
const fs = require('fs');
process.on('warning', (w) => console.log('warning event', w.name, w.message));
for (let i = 0; i < 3; i++) fs.opendirSync(__dirname);
const kept = fs.opendirSync(__dirname);
globalThis.gc();
setTimeout(() => {
  console.log('kept still reads', kept.readSync() !== null);
  kept.closeSync();
  globalThis.gc();
  setTimeout(() => console.log('no warning for a closed Dir'), 10);
}, 10);
