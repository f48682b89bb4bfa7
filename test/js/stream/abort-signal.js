// addAbortSignal and the signal option destroy a stream with AbortError;
// finished() with a signal; an already-aborted signal.
const { addAbortSignal, Readable, Writable, finished, PassThrough } = require('stream');
const ac = new AbortController();
const r = addAbortSignal(ac.signal, new Readable({ read() {} }));
r.on('error', (e) => console.log('r error', e.name, e.code, e.message));
r.on('close', () => console.log('r close', r.destroyed));
ac.abort();

const pre = AbortSignal.abort();
const w = new Writable({ signal: pre, write(c, e, cb) { cb(); } });
w.on('error', (e) => console.log('w error', e.name));

const ac2 = new AbortController();
const p = new PassThrough();
finished(p, { signal: ac2.signal }, (err) => console.log('finished aborted', err.name, p.destroyed));
ac2.abort();

try { addAbortSignal('x', new PassThrough()); } catch (e) { console.log(e.code, e.message); }
try { addAbortSignal(new AbortController().signal, {}); } catch (e) { console.log(e.code, e.message); }
const ac3 = new AbortController();
const withReason = new Readable({ read() {}, signal: ac3.signal });
withReason.on('error', (e) => console.log('cause', e.cause));
ac3.abort('because');
