'use strict';
// internal/repl/main — the REPL `devrun-js` starts when it has no script and
// stdin is a terminal (internal/main/run), as `node` does: a greeting, the
// global context, history in NODE_REPL_HISTORY (default
// ~/.devrun_repl_history; empty disables it), uncaught errors of callbacks
// and unhandled rejections printed as "Uncaught ..." without ending the
// session, and exit when the
// REPL closes (.exit, Ctrl+D, Ctrl+C twice).

const path = require('path');
const os = require('os');
const { kPrintError } = require('internal/repl/symbols');
const { cursorTo, clearScreenDown } = require('readline');

function startMainRepl() {
  const repl = require('repl');
  process.stdout.write(`Welcome to devrun-js ${process.version}.\n` +
    'Type ".help" for more information.\n');
  const server = repl.start({
    prompt: '> ',
    input: process.stdin,
    output: process.stdout,
    useGlobal: true,
    ignoreUndefined: false,
  });
  let file = process.env.NODE_REPL_HISTORY;
  if (file === undefined) file = path.join(os.homedir(), '.devrun_repl_history');
  const size = Number(process.env.NODE_REPL_HISTORY_SIZE);
  server.setupHistory({ filePath: file, size: size > 0 ? size : 1000 }, () => {});
  // Errors thrown later by callbacks the session started, and promises
  // rejected with no handler, do not end it.
  const report = (err) => {
    server.clearBufferedCommand();
    cursorTo(server.output, 0);
    clearScreenDown(server.output);
    server[kPrintError](err, true);
    server.displayPrompt(true);
  };
  process.on('uncaughtException', report);
  process.on('unhandledRejection', report);
  server.on('exit', () => process.exit());
  return server;
}

module.exports = { startMainRepl };
