'use strict';
// Development shim: run a program under real Node 20 with devrun-js's
// builtin stream/readline modules (runtime/lib) in place of Node's, loaded
// as devrun-js loads them (test/js-builtins/harness.js).  Used while
// devrun-js itself cannot run the corpus, and to tell module bugs from
// runtime bugs:
//   node --expose-internals test/js/stream/_node-shim.js prog.js [args]
// or, for the corpus runner, a wrapper script passed as --runtime.
const Module = require('module');
const path = require('path');
const { createLoader } = require('../../js-builtins/harness.js');

const load = createLoader(process);
const ours = new Set(['stream', 'stream/promises', 'stream/web', 'readline', 'readline/promises']);
const origLoad = Module._load;
Module._load = function(request, parent, isMain) {
  const id = request.startsWith('node:') ? request.slice(5) : request;
  if (ours.has(id)) return load(id);
  return origLoad.apply(this, arguments);
};
const entry = process.argv[2];
process.argv.splice(1, 1);
Module.runMain(path.resolve(entry));
