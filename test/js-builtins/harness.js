'use strict';
// Development harness for devrun-js's builtin JavaScript modules
// (runtime/lib/**.js), run under real Node 20.
//
// It loads each builtin the way devrun-js does (see the runtime contract):
// the file is compiled as the body of
//   function (exports, require, module, process, internalBinding)
// with vm.compileFunction, `require(id)` resolving other builtins by id, and
// `internalBinding` being Node's own (from `node --expose-internals`'s
// internal/test/binding), which has the same functions the C runtime provides.
// Ids with no file under runtime/lib fall back to Node's module of that name
// (e.g. 'buffer', which devrun-js implements elsewhere).
//
// The comparison checks (test/js-builtins/test-*.js) compare the output of our
// modules with Node's own modules on many values.  Run everything with
//   node --expose-internals test/js-builtins/harness.js [test-file ...]
// Exit status 0 when every check passes, 1 otherwise.

const fs = require('fs');
const path = require('path');
const vm = require('vm');
const util = require('util');

const LIB = path.resolve(__dirname, '..', '..', 'runtime', 'lib');

let nodeInternalBinding;
{
  // Requiring the test binding prints a warning; keep the output clean.
  const saved = process.emitWarning;
  process.emitWarning = () => {};
  try {
    ({ internalBinding: nodeInternalBinding } = require('internal/test/binding'));
  } catch (err) {
    console.error('harness: run node with --expose-internals');
    process.exit(2);
  } finally {
    process.emitWarning = saved;
  }
}

// Node implements the typed-array predicates in JS rather than in its 'types'
// binding; devrun-js's binding has them (they are v8::Value::IsXxx), so add
// equivalent ones here.
const typedArrayTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
let typesBinding;
function internalBinding(name) {
  if (name !== 'types') return nodeInternalBinding(name);
  if (typesBinding) return typesBinding;
  typesBinding = { ...nodeInternalBinding('types') };
  typesBinding.isArrayBufferView = (v) => ArrayBuffer.isView(v);
  typesBinding.isTypedArray = (v) => typedArrayTag.call(v) !== undefined;
  for (const t of ['Uint8Array', 'Uint8ClampedArray', 'Uint16Array',
    'Uint32Array', 'Int8Array', 'Int16Array', 'Int32Array', 'Float32Array',
    'Float64Array', 'BigInt64Array', 'BigUint64Array']) {
    typesBinding[`is${t}`] = (v) => typedArrayTag.call(v) === t;
  }
  return typesBinding;
}

// Modules devrun-js implements elsewhere (native bindings, other owners):
// under the harness these are Node's own, whatever runtime/lib holds.
const NODE_PROVIDED = new Set([
  'buffer', 'stream', 'stream/promises', 'stream/web', 'timers',
  'timers/promises', 'fs', 'fs/promises', 'module', 'perf_hooks', 'os',
  'child_process', 'net', 'http', 'https', 'tty', 'readline', 'vm', 'v8',
  'worker_threads', 'crypto', 'zlib', 'dns', 'process',
]);

// A loader is one "runtime instance": its own module cache and its own
// `process` object (tests may pass a fake one to capture output/warnings).
function createLoader(proc = process) {
  const cache = new Map();
  function requireBuiltin(id) {
    if (id.startsWith('node:')) id = id.slice(5);
    if (cache.has(id)) return cache.get(id).exports;
    const file = path.join(LIB, `${id}.js`);
    if (NODE_PROVIDED.has(id) || !fs.existsSync(file)) {
      if (id.startsWith('internal/')) {
        throw new Error(`harness: no builtin '${id}' in runtime/lib`);
      }
      return require(id);
    }
    const source = fs.readFileSync(file, 'utf8');
    const fn = vm.compileFunction(source,
      ['exports', 'require', 'module', 'process', 'internalBinding'],
      { filename: file });
    const module = { exports: {}, id };
    cache.set(id, module);
    try {
      fn.call(undefined, module.exports, requireBuiltin, module, proc, internalBinding);
    } catch (err) {
      cache.delete(id);
      throw err;
    }
    return module.exports;
  }
  return requireBuiltin;
}

const defaultLoader = createLoader();

// A `process` for a loader: the real one with some properties replaced
// (stdout/stderr/env/emitWarning...), so tests can capture what modules do.
function fakeProcess(overrides) {
  const p = Object.create(process);
  for (const key of Object.keys(overrides)) {
    Object.defineProperty(p, key, {
      value: overrides[key], writable: true, configurable: true, enumerable: true,
    });
  }
  return p;
}

// ---------------------------------------------------------------------------
// Checks.

const state = { passed: 0, failed: 0, file: '' };

function show(s) {
  if (typeof s === 'string' && s.startsWith('throws ')) s = s.split('\n').slice(0, 3).join('\n');
  return typeof s === 'string' ? JSON.stringify(s) : util.inspect(s);
}

// check(name, actual, expected): strict string/value equality.
function check(name, actual, expected) {
  if (Object.is(actual, expected)) {
    state.passed++;
    return true;
  }
  state.failed++;
  console.log(`FAIL ${state.file}: ${name}`);
  console.log(`  expected: ${show(expected)}`);
  console.log(`  actual:   ${show(actual)}`);
  return false;
}

// Run fn and describe what it threw (name, code, message) or returned.
function outcome(fn) {
  try {
    const v = fn();
    return `returned ${util.inspect(v)}`;
  } catch (err) {
    if (err === null || typeof err !== 'object') return `threw ${String(err)}`;
    return `threw ${err.name} ${err.code} ${err.message}`;
  }
}

// Async checks are collected and awaited by the runner.
const pending = [];
function checkAsync(name, promiseFn) {
  pending.push((async () => {
    try {
      await promiseFn();
    } catch (err) {
      state.failed++;
      console.log(`FAIL ${state.file}: ${name}: ${err && err.stack}`);
    }
  })());
}

module.exports = {
  createLoader,
  fakeProcess,
  load: defaultLoader,
  internalBinding,
  check,
  checkAsync,
  outcome,
  state,
  LIB,
};

if (require.main === module) {
  (async () => {
    let files = process.argv.slice(2);
    if (files.length === 0) {
      files = fs.readdirSync(__dirname)
        .filter((f) => /^test-.*\.js$/.test(f)).sort()
        .map((f) => path.join(__dirname, f));
    }
    for (const f of files) {
      state.file = path.basename(f);
      const before = state.failed;
      try {
        const ret = require(path.resolve(f));
        if (ret && typeof ret.then === 'function') await ret;
        while (pending.length) await pending.shift();
      } catch (err) {
        state.failed++;
        console.log(`FAIL ${state.file}: threw ${err && err.stack}`);
      }
      console.log(`${state.failed === before ? 'ok  ' : 'FAIL'} ${state.file}`);
    }
    console.log(`${state.passed} checks passed, ${state.failed} failed`);
    process.exitCode = state.failed === 0 ? 0 : 1;
  })();
}
