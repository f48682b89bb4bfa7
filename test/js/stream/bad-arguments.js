// Bad arguments give Node's errors (or Node's lenient behaviour), never a
// crash of the runtime.
const stream = require('stream');
const readline = require('readline');
const { Readable, Writable, PassThrough, pipeline, finished } = stream;
function attempt(label, fn) {
  try {
    const r = fn();
    console.log(label, '->', r === undefined ? 'undefined' : typeof r === 'object' && r !== null ? r.constructor.name : String(r));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message.split('\n')[0]);
  }
}
attempt('new Readable(5)', () => new Readable(5));
attempt('new Readable({ highWaterMark: {} })', () => new Readable({ highWaterMark: {} }));
attempt('new Writable({ highWaterMark: "8" })', () => new Writable({ highWaterMark: '8' }).writableHighWaterMark);
attempt('new Readable({ encoding: "bogus" })', () => new Readable({ encoding: 'bogus' }));
attempt('setEncoding("nope")', () => new Readable().setEncoding('nope'));
attempt('write()', () => new PassThrough().write());
attempt('write(undefined)', () => new PassThrough().write(undefined));
attempt('write(Symbol)', () => new PassThrough().write(Symbol('s')));
attempt('end(5)', () => new PassThrough().end(5));
attempt('read("3")', () => { const p = new PassThrough(); p.write('abcdef'); return p.read('3'); });
attempt('read(-1)', () => new PassThrough().read(-1));
attempt('pipe(null)', () => new PassThrough().pipe(null));
attempt('unpipe({})', () => new PassThrough().unpipe({}));
attempt('pipeline(1, 2, cb)', () => pipeline(1, 2, () => {}));
attempt('pipeline([])', () => pipeline([], () => {}));
attempt('finished(null, cb)', () => finished(null, () => {}));
attempt('finished(stream, 5)', () => finished(new PassThrough(), 5));
attempt('finished(stream, {signal: 1}, cb)', () => finished(new PassThrough(), { signal: 1 }, () => {}));
attempt('Readable.from(null)', () => Readable.from(null));
attempt('addAbortSignal(null, s)', () => stream.addAbortSignal(null, new PassThrough()));
attempt('iterator(5)', () => new PassThrough().iterator(5));
attempt('getDefaultHighWaterMark()', () => stream.getDefaultHighWaterMark());
attempt('setDefaultHighWaterMark(false, "1")', () => stream.setDefaultHighWaterMark(false, '1'));
attempt('createInterface()', () => readline.createInterface());
attempt('createInterface({ input: {} })', () => readline.createInterface({ input: {} }));
attempt('createInterface({ input, tabSize: 0 })', () => readline.createInterface({ input: new PassThrough(), tabSize: 0 }));
attempt('createInterface({ input, escapeCodeTimeout: "x" })', () => readline.createInterface({ input: new PassThrough(), escapeCodeTimeout: 'x' }));
attempt('createInterface({ input, signal: 1 })', () => readline.createInterface({ input: new PassThrough(), signal: 1 }));
attempt('emitKeypressEvents(null)', () => readline.emitKeypressEvents(null));
attempt('moveCursor(stream, "a", 1)', () => { let s = ''; const w = new Writable({ write(c, e, cb) { s += c; cb(); } }); readline.moveCursor(w, 'a', 1); return JSON.stringify(s); });
const rl = readline.createInterface({ input: new PassThrough() });
attempt('rl.question(5, cb)', () => rl.question(5, () => {}));
attempt('rl.write(5)', () => rl.write(5));
attempt('rl.setPrompt(5); prompt()', () => { rl.setPrompt(5); return rl.prompt(); });
rl.close();
process.on('uncaughtException', (e) => console.log('uncaught', e.code, e.message));
