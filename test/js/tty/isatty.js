// tty.isatty on non-terminal descriptors and invalid values.
const tty = require('tty');
console.log(tty.isatty(0), tty.isatty(1), tty.isatty(2), tty.isatty(-1), tty.isatty(1.5), tty.isatty('1'), tty.isatty(2 ** 40), tty.isatty(99));
console.log(process.stdout.isTTY, process.stdout instanceof tty.WriteStream, typeof tty.ReadStream, typeof tty.WriteStream);
try { new tty.WriteStream(1); } catch (e) { console.log(e.name, e.code, e.message); }
try { new tty.WriteStream(-1); } catch (e) { console.log(e.name, e.code, e.message); }
