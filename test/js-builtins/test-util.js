'use strict';
// runtime/lib/util.js against Node's util: the public API surface, types,
// isDeepStrictEqual (and loose deep equality vs assert.deepEqual),
// promisify/callbackify, deprecate's once-per-code warnings, debuglog,
// styleText, inherits, toUSVString.

const util = require('util');
const assert = require('assert');
const { load, createLoader, fakeProcess, check, checkAsync, outcome } = require('./harness');
const ours = load('util');
const { isDeepEqual } = load('internal/util/comparisons');

// API surface: everything Node exports except what devrun-js leaves out.
const missingOnPurpose = ['_errnoException', '_exceptionWithHostPort',
  'transferableAbortSignal', 'transferableAbortController'];
check('util keys', Object.keys(util).filter((k) => !missingOnPurpose.includes(k) && !(k in ours)).join(), '');
check('util.types keys', Object.keys(ours.types).join(), Object.keys(util.types).join());

// types predicates.
const samples = [1, 'a', null, {}, [], new Date(), /x/, new Map(), new Set(), new WeakMap(),
  new Uint8Array(1), new Float64Array(1), new ArrayBuffer(1), new DataView(new ArrayBuffer(1)),
  Promise.resolve(), async () => {}, function* () {}, new Proxy({}, {}), Object(1n),
  new Error(), new Map().keys(), new Set().values(), (function () { return arguments; })()];
for (const name of Object.keys(util.types)) {
  check(`types.${name}`, samples.map((s) => ours.types[name](s)).join(), samples.map((s) => util.types[name](s)).join());
}

// Deep equality.
const pairs = [
  [1, 1], [1, '1'], [NaN, NaN], [0, -0], [{ a: 1 }, { a: 1 }], [{ a: 1 }, { a: '1' }],
  [{ a: 1, b: 2 }, { b: 2, a: 1 }], [[1, 2], [1, 2]], [[1, 2], [2, 1]], [[1, , 3], [1, undefined, 3]], // eslint-disable-line no-sparse-arrays
  [new Date(0), new Date(0)], [new Date(0), new Date(1)], [/a/g, /a/g], [/a/g, /a/i],
  [new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]])], [new Map([[{ k: 1 }, 1]]), new Map([[{ k: 1 }, 1]])],
  [new Map([[1, 2]]), new Map([[1, 3]])], [new Set([1, { a: 1 }]), new Set([{ a: 1 }, 1])], [new Set([1]), new Set(['1'])],
  [new Uint8Array([1, 2]), new Uint8Array([1, 2])], [new Uint8Array([1, 2]), new Int8Array([1, 2])],
  [new Float64Array([0]), new Float64Array([-0])], [Object.create(null), {}], [new Error('a'), new Error('a')],
  [new Error('a'), new TypeError('a')], [new Error('a'), new Error('b')], [new Number(1), new Number(1)],
  [new String('a'), 'a'], [{ [Symbol.for('s')]: 1 }, {}], [[1], { 0: 1, length: 1 }], [null, undefined],
  [(() => { const a = { x: 1 }; a.self = a; return a; })(), (() => { const b = { x: 1 }; b.self = b; return b; })()],
  [new ArrayBuffer(2), new ArrayBuffer(2)], [new ArrayBuffer(2), new ArrayBuffer(3)], [{ a: undefined }, {}],
  [[1, 2, 3], [1, 2]], [new Set([1, 2]), new Set([1, 3])], [new Map([['1', 1]]), new Map([[1, 1]])],
  [new Set([{ a: 1 }, { a: 2 }]), new Set([{ a: 2 }, { a: 1 }])], [{ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }],
  [{ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] }], [Object.assign([1], { x: 1 }), [1]], [true, 1], ['', 0],
];
pairs.forEach(([a, b], i) => {
  check(`isDeepStrictEqual #${i} ${util.inspect([a, b])}`, ours.isDeepStrictEqual(a, b), util.isDeepStrictEqual(a, b));
  let loose = true;
  try { assert.deepEqual(a, b); } catch { loose = false; }
  check(`isDeepEqual #${i} ${util.inspect([a, b])}`, isDeepEqual(a, b), loose);
});

// inherits.
{
  function A() {}
  A.prototype.hi = () => 'hi';
  function B() {}
  ours.inherits(B, A);
  check('inherits', new B().hi() + (B.super_ === A), 'hitrue');
  check('inherits null', outcome(() => ours.inherits(B, null)), outcome(() => util.inherits(B, null)));
  check('inherits no proto', outcome(() => ours.inherits(B, Object.create(null))), outcome(() => util.inherits(B, Object.create(null))));
}

// promisify.
checkAsync('promisify', async () => {
  const fn = (a, cb) => setTimeout(() => cb(null, a * 2), 1);
  check('promisify value', await ours.promisify(fn)(21), 42);
  const bad = (cb) => cb(new Error('nope'));
  check('promisify reject', await ours.promisify(bad)().catch((e) => e.message), 'nope');
  const custom = () => {};
  custom[util.promisify.custom] = () => 'custom!';
  check('promisify custom', ours.promisify(custom)(), 'custom!');
  check('promisify.custom symbol', ours.promisify.custom, util.promisify.custom);
  check('promisify non-fn', outcome(() => ours.promisify(1)), outcome(() => util.promisify(1)));
  const p = ours.promisify(fn);
  check('promisify idempotent', ours.promisify(p), p);
});

// callbackify.
checkAsync('callbackify', async () => {
  const cbf = ours.callbackify(async (x) => x + 1);
  check('callbackify name/length', `${cbf.name}/${cbf.length}`, `${util.callbackify(async function f(x) {}).name.replace('f', '')}/2`.replace('Callbackified', 'Callbackified'));
  const r = await new Promise((res) => cbf(1, (err, v) => res([err, v])));
  check('callbackify value', JSON.stringify(r), '[null,2]');
  const rej = ours.callbackify(() => Promise.reject(null));
  const e = await new Promise((res) => rej((err) => res(err)));
  check('callbackify falsy', `${e.code} ${e.message} ${e.reason}`, 'ERR_FALSY_VALUE_REJECTION Promise was rejected with falsy value null');
  check('callbackify no cb', outcome(() => cbf(1)), outcome(() => util.callbackify(async () => {})(1)));
});

// deprecate: one warning per code, via process.emitWarning.
{
  const warnings = [];
  const u = createLoader(fakeProcess({
    emitWarning: (...args) => warnings.push(args.slice(0, 3).join('|')),
  }))('util');
  const f1 = u.deprecate(() => 1, 'f1 is old', 'DEP_T1');
  const f2 = u.deprecate(() => 2, 'f2 is old', 'DEP_T1');
  const f3 = u.deprecate(() => 3, 'f3 is old');
  f1(); f1(); f2(); f3(); f3();
  check('deprecate warning count', warnings.length, 2);
  check('deprecate warning with code', warnings[0], 'f1 is old|DeprecationWarning|DEP_T1');
  check('deprecate warning without code', warnings[1].startsWith('f3 is old|DeprecationWarning|'), true);
  check('deprecate returns', f1() + f2() + f3(), 6);
  class K { constructor() { this.v = 7; } }
  const DK = u.deprecate(K, 'K old', 'DEP_T2');
  check('deprecate class', new DK().v, 7);
  check('deprecate bad code', outcome(() => u.deprecate(() => {}, 'm', 5)), outcome(() => util.deprecate(() => {}, 'm', 5)));
}

// debuglog with NODE_DEBUG.
{
  const out = [];
  const u = createLoader(fakeProcess({
    env: { NODE_DEBUG: 'foo,ba*' },
    stderr: { write: (s) => out.push(s), isTTY: false },
  }))('util');
  const foo = u.debuglog('foo');
  const bar = u.debuglog('bar');
  const qux = u.debuglog('qux');
  foo('hello %s', 'world');
  bar({ a: 1 });
  qux('never');
  check('debuglog output', out.join(''), `FOO ${process.pid}: hello world\nBAR ${process.pid}: { a: 1 }\n`);
  check('debuglog enabled', `${foo.enabled} ${qux.enabled}`, 'true false');
}

// styleText (process.stdout is not a TTY while testing).
{
  const tty = { write() {}, isTTY: true, hasColors: () => true };
  check('styleText tty', ours.styleText(['bold', 'red'], 'x', { stream: tty }), '\u001b[1m\u001b[31mx\u001b[39m\u001b[22m');
  check('styleText no validate', ours.styleText('red', 'x', { validateStream: false }), util.styleText('red', 'x', { validateStream: false }));
  check('styleText bad', outcome(() => ours.styleText('nope', 'x')), outcome(() => util.styleText('nope', 'x')));
  check('styleText bad text', outcome(() => ours.styleText('red', 1)), outcome(() => util.styleText('red', 1)));
}

for (const s of ['abc', 'a\ud800b', '\udc00', 'ok\ud83d\ude00', '\ud83d']) {
  check(`toUSVString ${JSON.stringify(s)}`, ours.toUSVString(s), util.toUSVString(s));
}
check('stripVTControlCharacters', ours.stripVTControlCharacters('\u001b[31mred\u001b[39m \u001b]8;;http://x\u0007link'), util.stripVTControlCharacters('\u001b[31mred\u001b[39m \u001b]8;;http://x\u0007link'));
for (const v of [null, undefined, 1, 'x', {}, [], () => {}, Symbol('s')]) {
  for (const f of ['isBoolean', 'isNull', 'isNullOrUndefined', 'isNumber', 'isString', 'isSymbol', 'isUndefined', 'isObject', 'isFunction', 'isPrimitive', 'isError', 'isArray']) {
    check(`${f}(${String(typeof v)})`, ours[f](v), util[f](v));
  }
}

// getSystemErrorName / getSystemErrorMap.
for (const v of [-2, -13, -4095, -3008, -9999, 0, 1, 1.5, 'x', -(2 ** 60)]) {
  check(`getSystemErrorName(${util.inspect(v)})`, outcome(() => ours.getSystemErrorName(v)), outcome(() => util.getSystemErrorName(v)));
}
check('getSystemErrorMap', util.inspect(ours.getSystemErrorMap(), { maxArrayLength: null }), util.inspect(util.getSystemErrorMap(), { maxArrayLength: null }));

// parseEnv.
const envInputs = ['X= "q"', 'L="unterminated', 'export  Y=1', 'A=1 #c', "A='a#b'", 'A="a#b" # c', '=x\nB=2',
  'K="a" junk\nB=2', 'K="a"junk', '  #c\n A=1', 'A="x\\ny" ', "A='x\\ny'", 'A=1\n\n\nB=2', 'A', 'A=\nB', 'A=   ',
  'A=""', 'A=b=c', 'A=1\nA=2', 'A="multi\nline" rest\nB=3', "A=''\nB='x", 'A=`a\nb`',
  'A=1\nB = two words \n# c\nexport C="q\\nx"\nD=\'single\\n\'\nE=`back`\nF=val # comment\nG="multi\nline"\nH=\nI\nJ==eq\n  K  =  spaced  \nL="unterminated\nM=1\r\nN=x#nocomment',
  'z=1\na=2\nM=3', '', '#only comment', 'A="unterminated\n', '\tA\t=\tb\t'];
for (const s of envInputs) {
  check(`parseEnv(${JSON.stringify(s)})`, outcome(() => ours.parseEnv(s)), outcome(() => util.parseEnv(s)));
}
check('parseEnv bad', outcome(() => ours.parseEnv(5)), outcome(() => util.parseEnv(5)));

// MIMEType / MIMEParams.
function mimeScenario(U) {
  const out = [];
  const L = (...a) => out.push(a.map((x) => (typeof x === 'string' ? x : util.inspect(x))).join(' '));
  const inputs = ['Text/HTML; Charset="utf-8"; a=b;  c = d ;e="x\\"y"', '', 'text', 'text/', '/html', 'te xt/html',
    'text/ht;ml', 'text/html;a', 'text/html;=b', ' text/plain ; x="unterminated', 'a/b;x=1;x=2;X=3', '  te xt/html',
    'text/ht ml', '  text/h@tml', 'text/html ;', 'text/  html', 'text /html', '\ttext/html\t', 'text/html;charset="a\\"',
    'text/html;a="b" junk;c=d', 'text/html; a=""', 'text/html;a=b\u0100', 'Text/Html;A=B;b="q"', 'x/y;a="b;c"', 'x/y;a=  ',
    'a/b;k="\\', 'a/b;;;k=v;;'];
  for (const s of inputs) {
    try {
      const m = new U.MIMEType(s);
      L(JSON.stringify(s), String(m), m.type, m.subtype, m.essence, [...m.params], JSON.stringify(m), m, m.params);
    } catch (e) {
      L(JSON.stringify(s), e.name, e.code, e.message);
    }
  }
  const m = new U.MIMEType('a/b');
  for (const [prop, v] of [['type', 'bad type'], ['type', 'TEXT'], ['subtype', ''], ['subtype', 'c d'], ['subtype', '\u00ff'], ['subtype', 'XML']]) {
    try { m[prop] = v; L('set', prop, String(m)); } catch (e) { L(e.code, e.message); }
  }
  for (const [n, v] of [['bad name', 'v'], ['', 'x'], ['n', 'bad\u0000'], ['E', ''], ['n', 'q"\\'], ['q', 'a b']]) {
    try { m.params.set(n, v); L('param', String(m)); } catch (e) { L(e.code, e.message); }
  }
  L(m.params.get('N'), m.params.get('n'), m.params.has('n'), [...m.params.keys()], [...m.params.values()]);
  m.params.delete('n');
  L(String(m), JSON.stringify(m.params), m.params.toString(), new U.MIMEParams().toString());
  L(Object.keys(U.MIMEType.prototype), Object.keys(U.MIMEParams.prototype));
  return out.join('\n');
}
check('MIMEType scenario', mimeScenario(ours), mimeScenario(util));
