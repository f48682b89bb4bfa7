'use strict';
// internal/main/run — the entry main.c calls with the parsed command line:
// { mode: 'file' | 'eval' | 'print' | 'stdin', code, argv, execArgv,
//   argv0, preload, inputType }.  Bootstraps process and globals, then runs
// the program the way Node's run_main_module / eval_string / eval_stdin do.

const bootstrap = require('internal/bootstrap/node');

function evalScript(name, body, print) {
  const { runInThisContext } = internalBinding('contextify');
  const Module = require('internal/modules/cjs/loader');
  const path = require('path');
  const module = new Module(name);
  module.filename = path.join(process.cwd(), name);
  module.paths = Module._nodeModulePaths(process.cwd());
  const req = Module.createRequire(path.join(process.cwd(), name));
  globalThis.module = module;
  globalThis.exports = module.exports;
  globalThis.require = req;
  globalThis.__filename = name;
  globalThis.__dirname = '.';
  // Through the inspector's hook when it is on (--inspect-brk pauses here).
  const result = process._inspectorRunMain ?
    process._inspectorRunMain(runInThisContext, undefined, body, name) :
    runInThisContext(body, name);
  // -p prints the value with console.log (colors on a terminal) when the
  // process exits, after whatever the program itself printed, as Node does.
  if (print) process.on('exit', () => globalThis.console.log(result));
}

function readStdin() {
  return internalBinding('fs').readFileUtf8(0);
}

function run(opts) {
  bootstrap(opts);
  const esm = require('internal/modules/esm');
  esm.setup();
  const Module = require('internal/modules/cjs/loader');
  if (process.env.NODE_CHANNEL_FD !== undefined) {
    require('internal/child_process/child_process').setupChildChannel();
  }
  for (const id of opts.preload) Module._load(id, undefined, false);
  switch (opts.mode) {
    case 'file':
      process.argv[1] = require('path').resolve(process.argv[1]);
      Module.runMain(process.argv[1]);
      break;
    case 'eval':
    case 'print':
      if (opts.inputType === 'module') esm.evalModule(opts.code, '[eval1]');
      else evalScript('[eval]', opts.code, opts.mode === 'print');
      break;
    case 'stdin': {
      // No script and stdin a terminal (or -i): the interactive REPL, as `node`.
      if (process.argv.length < 2 && (require('tty').isatty(0) ||
          process.execArgv.includes('-i') || process.execArgv.includes('--interactive'))) {
        require('internal/repl/main').startMainRepl();
        break;
      }
      const code = readStdin();
      if (opts.inputType === 'module') esm.evalModule(code, '[stdin]');
      else evalScript('[stdin]', code, false);
      break;
    }
  }
}

module.exports = run;
