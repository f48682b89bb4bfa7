// readline.cursorTo/moveCursor/clearLine/clearScreenDown sequences, return
// values, callbacks, null streams and bad arguments.
const readline = require('readline');
const { Writable } = require('stream');
let out = [];
const w = new Writable({ write(c, e, cb) { out.push(String(c)); cb(); } });
console.log(readline.cursorTo(w, 3), readline.cursorTo(w, 3, 4), readline.cursorTo(w));
readline.moveCursor(w, -2, 0);
readline.moveCursor(w, 2, -3);
readline.moveCursor(w, 0, 5);
readline.moveCursor(w, 0, 0);
readline.clearLine(w, -1);
readline.clearLine(w, 1);
readline.clearLine(w, 0);
readline.clearScreenDown(w);
console.log(JSON.stringify(out));
readline.cursorTo(null, 1, 2, () => console.log('null stream cb'));
readline.cursorTo(w, 1, () => console.log('cursorTo cb'));
console.log(readline.clearLine(null, 0), readline.moveCursor(undefined, 1, 1));
try { readline.cursorTo(w, undefined, 2); } catch (e) { console.log(e.name, e.code, e.message); }
try { readline.cursorTo(w, NaN); } catch (e) { console.log(e.code, e.message); }
try { readline.clearLine(w, 0, 'nope'); } catch (e) { console.log(e.code, e.message); }
