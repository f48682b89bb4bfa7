'use strict';
// _session.js — shared by the repl cases (test/js/run copies a family's _*.js
// helpers beside each case).
const repl = require('repl');
const { PassThrough } = require('stream');

// Types `lines` into a REPL on a PassThrough (non-terminal mode), one line
// each time the REPL is idle at a prompt, and resolves with the transcript
// when it exits.
function session(opts, lines, setup) {
  return new Promise((resolve) => {
    const input = new PassThrough();
    const output = new PassThrough();
    output.setEncoding('utf8');
    let out = '';
    let fedAt = -1;
    const r = repl.start({ input, output, ...opts });
    if (setup) setup(r);
    const check = () => {
      if (fedAt === out.length || !/(?:> |\.\.\. |\$ )$/.test(out)) return;
      fedAt = out.length;
      const line = lines.shift();
      if (line === undefined) input.end();
      else input.write(`${line}\n`);
    };
    output.on('data', (d) => {
      out += d;
      setImmediate(check);
    });
    r.on('exit', () => resolve({ out, r }));
  });
}

module.exports = { session };
