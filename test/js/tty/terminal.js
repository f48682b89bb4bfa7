// On a terminal: isatty, WriteStream methods, window size, colour depth.
const tty = require('tty');
console.log(tty.isatty(1), process.stdout.isTTY, process.stdout instanceof tty.WriteStream);
console.log(process.stdout.columns, process.stdout.rows, process.stdout.getWindowSize());
console.log(typeof process.stdout.getColorDepth(), typeof process.stdout.hasColors(), process.stdout.hasColors(2));
const w = new tty.WriteStream(1);
console.log(w.isTTY, w.columns, w instanceof tty.WriteStream);
w.write('via WriteStream\n');
