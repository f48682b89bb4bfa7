'use strict';
// The module's exports, REPLServer as a readline.Interface, the context's globals, tab completion
// (REPLServer#complete) and setupHistory reading a history file.
const repl = require('repl');
const readline = require('readline');
const fs = require('fs');
const path = require('path');
const { PassThrough } = require('stream');

console.log(Object.keys(repl).sort().join(','));
console.log(typeof repl.start, typeof repl.REPLServer, typeof repl.REPL_MODE_SLOPPY, typeof repl.REPL_MODE_STRICT);
console.log(repl.REPL_MODE_SLOPPY !== repl.REPL_MODE_STRICT);
const rec = new repl.Recoverable(new SyntaxError('x'));
console.log(rec instanceof SyntaxError, rec.err.message);
console.log(repl.builtinModules.includes('fs'), repl.builtinModules.includes('repl'),
  repl.builtinModules.some((m) => m.startsWith('_') || m.startsWith('node:')));
console.log(['let x =', 'await 1', '1 +', 'x = 1', 'return 1', '{ a: 1 }', 'a: 1'].map(repl.isValidSyntax).join());
console.log(repl.writer.options.showProxy, repl.writer({ a: [1, { b: 2 }] }),
  repl.writer(new Proxy({}, {})));

const r = repl.start({ input: new PassThrough(), output: new PassThrough(), prompt: 'p> ' });
console.log(r instanceof repl.REPLServer, r instanceof readline.Interface, r.getPrompt(), r.terminal);
console.log(r.outputStream === r.output, r.inputStream === r.input);
console.log(typeof r.context.require, typeof r.context.module, r.context.global === r.context,
  typeof r.context.process, typeof r.context.Buffer, typeof r.context.setTimeout);
console.log(r.context.path === require('path'), typeof r.context.util.inspect);
r.context.path = 'replaced';
console.log(r.context.path);
console.log(Object.keys(r.commands).sort().join(','), r.useGlobal, r.ignoreUndefined,
  r.replMode === repl.REPL_MODE_SLOPPY, r.underscoreAssigned);
r.context.myObj = { alpha: 1, alpine: 2, beta: 3 };

const complete = (line) => new Promise((res) => r.complete(line, (e, v) => res(v)));
(async () => {
  for (const line of ['myObj.al', 'myO', 'require("pat', "require('fs/p", '.he', 'Math.ma', 'myObj.',
    'xyzzy.', 'var1 = myObj.be', 'le', 'myObj.none']) {
    console.log(JSON.stringify(line), JSON.stringify(await complete(line)));
  }
  r.close();

  const hist = path.join(__dirname, 'history.txt');
  fs.writeFileSync(hist, 'newest\nolder\noldest\n');
  const h = repl.start({ input: new PassThrough(), output: new PassThrough() });
  h.setupHistory(hist, (err, server) => {
    console.log(err, server === h, JSON.stringify(h.history));
    h.close();
  });
})();
