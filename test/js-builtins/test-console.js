'use strict';
// internal/console against Node's console.Console: the same calls on both,
// each writing to capturing streams, must produce the same bytes (with and
// without colors, groups, tables, traces, warnings via process.emitWarning).

const { Console: NodeConsole } = require('console');
const { createLoader, fakeProcess, check, outcome } = require('./harness');

function capture(isTTY = false) {
  const s = Object.assign(new (require('events'))(), {
    chunks: [], isTTY, columns: 80, write(chunk) { this.chunks.push(String(chunk)); return true; },
  });
  if (isTTY) {
    s.hasColors = () => true;
    s.getColorDepth = () => 8;
  }
  return s;
}

const warnings = [];
const proc = fakeProcess({ emitWarning: (msg) => warnings.push(String(msg)), env: {} });
const { Console, createGlobalConsole } = createLoader(proc)('internal/console');

function normalize(s) {
  // Stack frames differ between the two (different call sites); keep the
  // header lines of traces only, and times are variable.
  return s.replace(/\n {4}at [^\n]*/g, '').replace(/\d+(\.\d+)?ms/g, 'Nms');
}

function compare(name, fn, opts = {}) {
  const outs = [];
  for (const C of [Console, NodeConsole]) {
    const stdout = capture(opts.tty);
    const stderr = capture(opts.tty);
    const c = opts.options ? new C({ stdout, stderr, ...opts.options }) : new C(stdout, stderr);
    fn(c);
    outs.push(normalize(`${stdout.chunks.join('')}||${stderr.chunks.join('')}`));
  }
  check(`console ${name}`, outs[0], outs[1]);
}

const obj = { a: 1, b: 'two', c: [1, 2, 3], d: { e: { f: { g: 1 } } }, m: new Map([[1, 2]]) };
compare('log', (c) => { c.log('hello'); c.log('%s is %d years', 'x', 42, 'extra'); c.log(obj); c.log(); c.log(null, undefined, 1n, Symbol('s')); });
compare('info/debug/dirxml', (c) => { c.info('i', 1); c.debug('d', { a: 1 }); c.dirxml('x', [1]); });
compare('error/warn', (c) => { c.error('e', obj); c.warn('w %o', [1]); });
compare('colors tty', (c) => { c.log(obj, 'str', 1, true, null); c.error(new Map([['a', /x/]])); }, { tty: true });
compare('colorMode true', (c) => { c.log({ a: 'x' }); }, { options: { colorMode: true } });
compare('colorMode false tty', (c) => { c.log({ a: 'x' }); }, { tty: true, options: { colorMode: false } });
compare('inspectOptions', (c) => { c.log(obj); c.log([[[[1]]]]); }, { options: { inspectOptions: { depth: 0, breakLength: 20 } } });
compare('dir', (c) => { c.dir(obj); c.dir(obj, { depth: 0 }); c.dir({ [Symbol.for('nodejs.util.inspect.custom')]() { return 'custom'; } }); });
compare('group', (c) => { c.group('G1'); c.log('in 1'); c.group(); c.log('in 2\nmulti line'); c.groupCollapsed('G3', 1); c.error(obj); c.groupEnd(); c.groupEnd(); c.log('in 1 again'); c.groupEnd(); c.groupEnd(); c.log('out'); });
compare('groupIndentation', (c) => { c.group('a'); c.log('b'); }, { options: { groupIndentation: 4 } });
compare('count', (c) => { c.count(); c.count(); c.count('x'); c.countReset(); c.count(); c.count('x'); c.count(1); });
compare('assert', (c) => { c.assert(true, 'no'); c.assert(false, 'yes %s', 'fmt'); c.assert(0); c.assert(false, { a: 1 }); });
compare('trace', (c) => { c.trace('here %d', 1, { a: 1 }); c.trace(); });
compare('time', (c) => { c.time('t'); c.timeLog('t', 'data', { a: 1 }); c.timeEnd('t'); c.time(); c.timeEnd(); });
compare('table', (c) => {
  c.table([{ a: 1, b: 'Y' }, { a: 'Z', b: 2 }]);
  c.table([[1, 2], [3, 4, 5]]);
  c.table({ r1: { c1: 1 }, r2: { c2: 'x' } });
  c.table([1, 'two', { three: 3 }]);
  c.table([{ a: 1, b: 2 }], ['a']);
  c.table(new Map([['k', { v: 1 }], [{ o: 1 }, 'str']]));
  c.table(new Set([1, 'a', [1, 2, 3, 4, 5]]));
  c.table(new Map([[1, 2]]).entries());
  c.table(new Set([1]).values());
  c.table('not tabular');
  c.table(5);
  c.table([]);
  c.table([{ name: '日本語', v: 1 }, { name: 'x', v: { deep: { deeper: 1 }, x: 1, y: 2 } }]);
});
compare('table colors', (c) => { c.table([{ a: 1, b: 'x' }]); }, { tty: true });

// Warnings go through process.emitWarning with Node's texts.
{
  const c = new Console(capture(), capture());
  warnings.length = 0;
  c.timeEnd('nope');
  c.timeLog('nope2');
  c.time('dup');
  c.time('dup');
  c.countReset('nope3');
  check('console warnings', warnings.join('\n'), [
    "No such label 'nope' for console.timeEnd()",
    "No such label 'nope2' for console.timeLog()",
    "Label 'dup' already exists for console.time()",
    "Count for 'nope3' does not exist",
  ].join('\n'));
}

// Bad arguments.
for (const args of [[], [null], [{ stdout: {} }], [{ stdout: capture(), stderr: 1 }],
  [{ stdout: capture(), colorMode: 'yes' }], [{ stdout: capture(), groupIndentation: 1001 }],
  [{ stdout: capture(), colorMode: true, inspectOptions: { colors: true } }]]) {
  check(`new Console(${JSON.stringify(args)})`, outcome(() => new Console(...args)), outcome(() => new NodeConsole(...args)));
}
{
  const c = new Console(capture());
  const n = new NodeConsole(capture());
  check('table bad properties', outcome(() => c.table([], 'x')), outcome(() => n.table([], 'x')));
  check('instanceof', c instanceof Console, true);
  check('call without new', Console(capture()) instanceof Console, true);
  check('prototype keys', Object.keys(Console.prototype).join(), Object.keys(NodeConsole.prototype).join());
}

// Global console: lazily bound to process.stdout/stderr, bound methods.
{
  const out = capture();
  const err = capture();
  const g = createGlobalConsole(fakeProcess({ stdout: out, stderr: err }));
  const { log, error } = g;
  log('via %s', 'destructured');
  error('to stderr');
  check('global console stdout', out.chunks.join(''), 'via destructured\n');
  check('global console stderr', err.chunks.join(''), 'to stderr\n');
  check('global console.Console', g.Console, Console);
  check('global console keys', Object.keys(g).join(), Object.keys(console).join());
  const ctx = g.context('x');
  ctx.log('nothing');
  check('console.context prints nothing', out.chunks.length, 1);
  check('console.context keys', Object.keys(ctx).join(), Object.keys(console.context('y')).join());
  check('createTask', g.createTask('t').run(() => 42), 42);
  check('createTask bad', outcome(() => g.createTask('')), outcome(() => console.createTask('')));
}

// FORCE_COLOR / NO_COLOR.
{
  const env = (e) => createLoader(fakeProcess({ env: e }))('internal/console').Console;
  const run = (C, tty) => { const s = capture(tty); new C(s).log({ a: 1 }); return s.chunks.join(''); };
  check('FORCE_COLOR=1 non-tty', run(env({ FORCE_COLOR: '1' }), false), '{ a: \u001b[33m1\u001b[39m }\n');
  check('FORCE_COLOR=0 tty', run(env({ FORCE_COLOR: '0' }), true), '{ a: 1 }\n');
  const noColorTTY = capture(true);
  delete noColorTTY.getColorDepth;
  new (env({ NO_COLOR: '1' }))(noColorTTY).log({ a: 1 });
  check('NO_COLOR tty', noColorTTY.chunks.join(''), '{ a: 1 }\n');
  check('tty colors', run(env({}), true), '{ a: \u001b[33m1\u001b[39m }\n');
}
