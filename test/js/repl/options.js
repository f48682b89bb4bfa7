'use strict';
// Options: a custom eval (results, errors, Recoverable for more lines), a custom writer, the prompt,
// ignoreUndefined, useColors, replMode strict, useGlobal.
const repl = require('repl');

const { session } = require('./_session');

globalThis.sharedValue = 'from outside';
(async () => {
  const calls = [];
  let { out } = await session({
    prompt: '$ ',
    eval(cmd, context, file, cb) {
      calls.push([cmd, file, typeof context.require]);
      if (cmd.includes('(') && !cmd.includes(')')) return cb(new repl.Recoverable(new SyntaxError('more')));
      if (cmd.includes('fail')) return cb(new Error('custom failure'));
      if (cmd.includes('later')) return setTimeout(() => cb(null, 'async result'), 5);
      if (cmd.includes('quiet')) return cb(null); // prints nothing, not `undefined`
      if (cmd.includes('nothing')) return cb(null, undefined);
      cb(null, cmd.trim().toUpperCase());
    },
    writer: (v) => `<<${v}>>`,
  }, ['hello', 'open(', 'close)', 'fail', 'later', 'quiet', 'nothing', '.exit']);
  process.stdout.write(out + '\n--\n');
  console.log(JSON.stringify(calls));

  ({ out } = await session({ ignoreUndefined: true }, ['undefined', 'void 0', 'null', 'let u', '0']));
  process.stdout.write(out + '\n--\n');

  ({ out } = await session({ useColors: true }, ['1', '"s"', '{ a: [null, undefined] }']));
  process.stdout.write(JSON.stringify(out) + '\n--\n');

  ({ out } = await session({ replMode: repl.REPL_MODE_STRICT }, [
    '(function () { return this; })()', 'with ({}) {}', '1',
  ]));
  process.stdout.write(out + '\n--\n');

  const r = await session({ useGlobal: true }, ['sharedValue', 'globalAssigned = 42', 'this === globalThis']);
  process.stdout.write(r.out + '\n--\n');
  console.log(r.r.context === globalThis, globalThis.globalAssigned);
})();
