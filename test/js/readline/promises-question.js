// readline/promises: question() resolves with the answer, an aborted
// signal rejects with AbortError; Readline queues cursor actions until
// commit(); rollback() drops them.
const readline = require('readline/promises');
const { PassThrough, Writable } = require('stream');
let written = '';
const output = new Writable({ write(c, e, cb) { written += c; cb(); } });
const input = new PassThrough();
const rl = readline.createInterface({ input, output, terminal: false });
(async () => {
  setTimeout(() => input.write('42\n'), 5);
  const a = await rl.question('How many? ');
  console.log('answer', a);
  const ac = new AbortController();
  const p = rl.question('Never answered? ', { signal: ac.signal });
  ac.abort();
  await p.catch((e) => console.log('rejected', e.name, e.code, e.message));
  const pre = new AbortController();
  pre.abort();
  await rl.question('x', { signal: pre.signal }).catch((e) => console.log('pre-aborted', e.name));
  rl.close();
  await rl.question('closed?').catch((e) => console.log('after close', e.code));
  console.log(JSON.stringify(written));

  let out = '';
  const tty = new Writable({ write(c, e, cb) { out += c; cb(); } });
  const r = new readline.Readline(tty);
  r.cursorTo(0).moveCursor(2, -1).clearLine(0).clearScreenDown();
  console.log('before commit', JSON.stringify(out));
  await r.commit();
  console.log('after commit', JSON.stringify(out));
  r.cursorTo(5, 3).rollback();
  await r.commit();
  console.log('after rollback', JSON.stringify(out));
  try { r.clearLine(2); } catch (e) { console.log(e.code, e.message); }
  try { new readline.Readline({}); } catch (e) { console.log(e.code); }
  const auto = new readline.Readline(tty, { autoCommit: true });
  auto.cursorTo(1, 1);
  console.log('autoCommit', JSON.stringify(out.slice(-6)));
})();
