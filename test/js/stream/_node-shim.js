'use strict';
// Development shim: run a program under real Node 20 with devrun-js's
// builtin stream/readline modules (runtime/lib) in place of Node's, each
// file compiled as devrun-js compiles builtins (the body of
// function (exports, require, module, process, internalBinding)).
// internal/* ids come from runtime/lib too; every other builtin (events,
// buffer, string_decoder, util...) is Node's own, so a failure here is a bug
// in the stream/readline modules, not elsewhere.  process.stdin/stdout stay
// Node's (so stream/stdio-streams, which checks they are devrun's stream
// classes, passes only on devrun-js).
//   node --expose-internals test/js/stream/_node-shim.js prog.js [args]
// or, for the corpus runner, a wrapper script passed as --runtime:
//   #!/bin/sh
//   exec node --expose-internals --no-warnings .../_node-shim.js "$@"
const Module = require('module');
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const LIB = path.resolve(__dirname, '..', '..', '..', 'runtime', 'lib');
const OURS = new Set(['stream', 'stream/promises', 'stream/web', 'readline', 'readline/promises']);
const USE_OURS = new Set((process.env.SHIM_OURS || '').split(',').filter(Boolean));

let internalBinding;
{
  const saved = process.emitWarning;
  process.emitWarning = () => {};
  ({ internalBinding } = require('internal/test/binding'));
  process.emitWarning = saved;
}

const cache = new Map();
const nodeRequire = Module.createRequire(__filename);
function load(id) {
  if (id.startsWith('node:')) id = id.slice(5);
  if (cache.has(id)) return cache.get(id).exports;
  if (!OURS.has(id) && !USE_OURS.has(id) && !id.startsWith('internal/')) return nodeRequire(id);
  const file = path.join(LIB, `${id}.js`);
  const fn = vm.compileFunction(fs.readFileSync(file, 'utf8'),
    ['exports', 'require', 'module', 'process', 'internalBinding'], { filename: file });
  const module = { exports: {}, id };
  cache.set(id, module);
  try {
    fn.call(undefined, module.exports, load, module, process, internalBinding);
  } catch (err) {
    cache.delete(id);
    throw err;
  }
  return module.exports;
}

const origLoad = Module._load;
Module._load = function(request, parent, isMain) {
  const id = request.startsWith('node:') ? request.slice(5) : request;
  if (OURS.has(id)) return load(id);
  return origLoad.apply(this, arguments);
};
const entry = process.argv[2];
process.argv.splice(1, 1);
Module.runMain(path.resolve(entry));
