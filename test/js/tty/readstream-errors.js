'use strict';
// tty.ReadStream argument errors and descriptors that are not terminals
// (the corpus runs without a terminal; test/cli/runtime/03 covers ptys).
const tty = require('tty');
const fs = require('fs');
const path = require('path');

function attempt(label, fn) {
  try {
    const s = fn();
    console.log(label, 'ok', s.isTTY, s.isRaw);
  } catch (e) {
    console.log(label, e.name, e.code, e.message, e.info ? JSON.stringify(e.info) : '');
  }
}

for (const fd of [-1, 1.5, '3', null, 2 ** 32]) attempt(`fd ${String(fd)}`, () => new tty.ReadStream(fd));
const file = path.join(__dirname, 'readstream-errors.js');
const fd = fs.openSync(file, 'r');
attempt('regular file', () => new tty.ReadStream(fd));
attempt('without new, regular file', () => tty.ReadStream(fd));
attempt('/dev/null', () => new tty.ReadStream(fs.openSync('/dev/null', 'r')));
attempt('closed fd', () => { const f = fs.openSync(file, 'r'); fs.closeSync(f); return new tty.ReadStream(f); });
console.log(tty.isatty(fd), typeof tty.ReadStream.prototype.setRawMode);
console.log(Object.getPrototypeOf(tty.ReadStream.prototype) === require('net').Socket.prototype);
