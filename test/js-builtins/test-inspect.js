'use strict';
// Compares runtime/lib/internal/util/inspect.js with Node's util.inspect,
// util.format and util.formatWithOptions on a corpus of values and options.

const util = require('util');
const { load, check, outcome } = require('./harness');
const ours = load('internal/util/inspect');

// Values: [label, thunk] so each is created fresh.
const values = [];
function add(label, make) { values.push([label, make]); }

add('undefined', () => undefined);
add('null', () => null);
add('true', () => true);
add('numbers', () => [0, -0, 1.5, -1e21, 1e21, NaN, Infinity, -Infinity, 123456789.123]);
add('bigint', () => 12345678901234567890n);
add('symbol', () => Symbol('s'));
add('symbol-empty', () => Symbol());
add('strings', () => ['', 'a', "it's", 'say "hi" it\'s', 'a`b\'c"d', 'tab\there', 'nl\nx', '\x00\x1f\x7f\x9f', '\ud800 lone', 'ok \ud83d\ude00', 'back\\slash']);
add('string-quotes-all', () => 'a\'b"c`d${x}');
add('long-string', () => 'x'.repeat(200));
add('multiline-long', () => 'line one is long enough\nline two is also quite long\nthree '.repeat(3));
add('nested-multiline', () => ({ a: 'line one is long enough\nline two is also quite long\nthree '.repeat(3) }));
add('empty-object', () => ({}));
add('object', () => ({ a: 1, b: 'two', c: [3], d: { e: { f: { g: 1 } } } }));
add('keys-quoting', () => ({ 'a-b': 1, '0': 2, _x: 3, $y: 4, 'with space': 5, __proto__x: 6 }));
add('__proto__-key', () => JSON.parse('{"__proto__": 1}'));
add('symbol-keys', () => ({ [Symbol('k')]: 1, [Symbol.iterator]: 2, x: 3 }));
add('array', () => [1, 2, 3]);
add('empty-array', () => []);
add('holes', () => [1, , 3, , , 6]); // eslint-disable-line no-sparse-arrays
add('holes-end', () => { const a = [1]; a.length = 5; return a; });
add('all-holes', () => new Array(7));
add('array-extra', () => { const a = [1, 2]; a.foo = 'bar'; a[-1] = 'neg'; return a; });
add('array-101', () => Array.from({ length: 101 }, (_, i) => i));
add('array-1000-strings', () => Array.from({ length: 130 }, (_, i) => `item${i}`));
add('array-numbers-26', () => Array.from({ length: 26 }, (_, i) => i * 37));
add('array-mixed-grouping', () => ['a', 1, 'bbbbbb', 22, 'c', 333, 'dd', 4444, 'e']);
add('array-of-objects', () => [{ a: 1 }, { b: 2 }, { c: { d: { e: 1 } } }]);
add('array-long-entries', () => Array.from({ length: 10 }, (_, i) => 'x'.repeat(i * 5)));
add('nested-deep', () => ({ a: { b: { c: { d: { e: 1 } } } } }));
add('array-deep', () => [[[[[1]]]]]);
add('wide-object', () => Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`key${i}`, i])));
add('typed-arrays', () => [new Uint8Array([1, 2, 3]), new Float64Array([1.5, -0]), new BigInt64Array([1n, -2n]), new Int16Array(0)]);
add('typed-array-big', () => new Uint8Array(150));
add('typed-array-extra', () => { const t = new Uint8Array(2); t.x = 1; return t; });
add('arraybuffer', () => new Uint8Array([1, 2, 255]).buffer);
add('arraybuffer-big', () => new ArrayBuffer(120));
add('shared-arraybuffer', () => new SharedArrayBuffer(4));
add('dataview', () => new DataView(new ArrayBuffer(4), 1, 2));
add('map', () => new Map([[1, 'a'], ['b', { c: 2 }], [{ k: 1 }, [1, 2]]]));
add('empty-map', () => new Map());
add('set', () => new Set([1, 'a', { b: 2 }]));
add('empty-set', () => new Set());
add('map-extra', () => { const m = new Map([[1, 2]]); m.extra = true; return m; });
add('map-iter', () => new Map([[1, 2], [3, 4]]).entries());
add('map-keys', () => new Map([[1, 2], [3, 4]]).keys());
add('map-values', () => new Map([[1, 2], [3, 4]]).values());
add('set-iter', () => new Set([1, 2]).values());
add('set-entries', () => new Set([1, 2]).entries());
add('weakmap', () => new WeakMap());
add('weakset', () => new WeakSet());
add('promise-resolved', () => Promise.resolve({ a: 1 }));
add('promise-pending', () => new Promise(() => {}));
add('promise-rejected', () => { const p = Promise.reject(new Error('no')); p.catch(() => {}); return p; });
add('promise-rejected-prim', () => { const p = Promise.reject(3); p.catch(() => {}); return p; });
add('proxy', () => new Proxy({ a: 1 }, { get() { return 5; } }));
add('proxy-fn', () => new Proxy(function f() {}, {}));
add('revoked-proxy', () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; });
add('class-instance', () => { class Foo { constructor() { this.x = 1; } } return new Foo(); });
add('class-empty', () => { class Foo {} return new Foo(); });
add('null-proto', () => Object.assign(Object.create(null), { a: 1 }));
add('null-proto-empty', () => Object.create(null));
add('null-proto-array', () => { const a = [1, 2]; Object.setPrototypeOf(a, null); return a; });
add('null-proto-map', () => { const m = new Map([[1, 2]]); Object.setPrototypeOf(m, null); return m; });
add('anon-proto', () => Object.create({}));
add('proto-chain-anon', () => { function F() {} F.prototype = Object.create(null); const o = new F(); o.v = 1; return o; });
add('tostringtag', () => ({ [Symbol.toStringTag]: 'own' }));
add('tostringtag-class', () => { class Foo { get [Symbol.toStringTag]() { return 'Bar'; } } return new Foo(); });
add('tostringtag-object', () => { const o = Object.create({ [Symbol.toStringTag]: 'T' }); o.a = 1; return o; });
add('boxed', () => [new Number(3), new Number(-0), new String('abc'), new Boolean(false), Object(Symbol('q')), Object(10n)]);
add('boxed-extra', () => { const s = new String('ab'); s.x = 1; return s; });
add('date', () => new Date(0));
add('invalid-date', () => new Date(NaN));
add('date-extra', () => { const d = new Date(0); d.x = 1; return d; });
add('regexp', () => [/a+b/gi, new RegExp('x/y')]);
add('regexp-extra', () => { const r = /x/; r.y = 2; return r; });
add('functions', () => [function f() {}, function () {}, () => {}, async function af() {}, function* g() {}, async function* ag() {}, Math.max]);
add('classes', () => { class A {} class B extends A {} return [A, B, class {}, class extends B {}]; });
add('fn-props', () => { function f() {} f.x = 1; return f; });
add('fn-null-proto', () => { function f() {} Object.setPrototypeOf(f, null); return f; });
add('class-static', () => { class A { static x = 1; } return A; });
add('getters', () => ({ get a() { return 1; }, set b(v) {}, get c() { return { x: 1 }; }, set c(v) {}, get d() { throw new Error('boom'); }, get e() { return null; } }));
add('circular', () => { const o = { a: 1 }; o.self = o; return o; });
add('circular-two', () => { const a = { n: 'a' }; const b = { n: 'b', a }; a.b = b; a.arr = [a, b]; return a; });
add('circular-map', () => { const m = new Map(); m.set('m', m); return m; });
add('circular-array', () => { const a = [1]; a.push(a); return a; });
add('error', () => new Error('boom'));
add('type-error', () => new TypeError('bad type'));
add('error-no-stack', () => { const e = new Error('x'); e.stack = undefined; return e; });
add('error-stack-string', () => { const e = new Error('x'); e.stack = 'custom stack'; return e; });
add('error-props', () => { const e = new RangeError('r'); e.code = 'E_X'; e.extra = { a: 1 }; return e; });
add('error-name-prop', () => { const e = new Error('m'); e.name = 'MyError'; return e; });
add('error-subclass', () => { class MyError extends Error {} return new MyError('sub'); });
add('error-subclass-name', () => { class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } } return new MyError('sub'); });
add('error-cause', () => new Error('outer', { cause: new Error('inner') }));
add('error-cause-prim', () => new Error('outer', { cause: 'str' }));
add('error-in-object', () => ({ err: new Error('nested') }));
add('aggregate-error', () => new AggregateError([new Error('a'), 1], 'agg'));
add('error-null-proto', () => { const e = new Error('np'); Object.setPrototypeOf(e, null); return e; });
add('error-empty-message', () => new Error(''));
add('arguments', () => (function () { return arguments; })(1, 'a'));
add('global-ish', () => ({ process: undefined, Math }));
add('custom-inspect', () => ({ [util.inspect.custom]() { return 'CUSTOM'; } }));
add('custom-inspect-obj', () => ({ [util.inspect.custom](depth, opts) { return { depth, colors: opts.colors }; } }));
add('custom-inspect-multiline', () => ({ a: { [util.inspect.custom]() { return 'x\ny'; } } }));
add('custom-inspect-this', () => ({ v: 3, [util.inspect.custom]() { return this; } }));
add('symbol-in-array', () => [Symbol('a'), Symbol.iterator]);
add('nonenumerable', () => Object.defineProperty({ a: 1 }, 'hidden', { value: 2, enumerable: false }));
add('mixed-large', () => ({ name: 'devrun', version: '1.0.0', deps: { libuv: '1.44', v8: '10.2', jansson: '2.14' }, list: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], nested: { deeper: { deepest: { gone: true } } } }));
add('array-of-arrays', () => [[1, 2], [3, 4], ['a', 'b']]);
add('long-array-strings', () => ['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape', 'honeydew', 'kiwi', 'lemon', 'mango']);
add('matrix', () => Array.from({ length: 5 }, (_, i) => Array.from({ length: 10 }, (_, j) => i * j)));
add('negatives', () => [-1, 200, -3000, 4, 5, 6, 7, -80000, 9]);
add('iterator-objects', () => [[1, 2][Symbol.iterator](), 'ab'[Symbol.iterator]()]);
add('generator-object', () => (function* () { yield 1; })());
add('object-with-fn', () => ({ fn() {}, arrow: () => 1, klass: class K {} }));
add('bound', () => function named() {}.bind(null));
add('nested-map-in-array', () => [new Map([[{ a: 1 }, new Set([1])]])]);
add('deep-array-objects', () => ({ a: [{ b: [{ c: [{ d: 1 }] }] }] }));
add('string-object-keys', () => ({ 'a\nb': 1, "it's": 2 }));
add('numeric-values', () => ({ big: 1234567.891, small: 0.000001, neg: -1234567, int: 1000, bi: 123456789n }));
add('sym-desc-escape', () => ({ [Symbol('a\nb')]: 1 }));
add('error-stack-number', () => { const e = new Error('n'); e.stack = 42; return e; });
add('error-message-in-stack', () => { const e = new Error('line1\n    at fake (x.js:1:1)'); return e; });
add('error-tag', () => { const e = new Error('t'); Object.defineProperty(e, Symbol.toStringTag, { value: 'Custom' }); return e; });
add('error-name-enumerable', () => { const e = new TypeError('t'); e.name = 'TypeError'; e.extra = [1, 2]; return e; });
add('error-own-message-prop', () => { const e = new Error('orig'); e.message = 'changed'; return e; });
add('error-no-message', () => { const e = new RangeError(); return e; });
add('error-cause-chain', () => { const c = new Error('c1', { cause: new Error('c2', { cause: 'root' }) }); return new Error('top', { cause: c }); });
add('array-proto-object', () => Object.create(Array.prototype));
add('array-subclass-props', () => { class MyArr extends Array {} const a = MyArr.from([1, 2]); a.prop = 'x'; return a; });
add('typed-subclass', () => { class MyU8 extends Uint8Array {} return new MyU8(3); });
add('map-subclass', () => { class MyMap extends Map {} return new MyMap([[1, 2]]); });
add('set-subclass-tag', () => { class S extends Set { get [Symbol.toStringTag]() { return 'Tagged'; } } return new S([1]); });
add('promise-subclass', () => { class P extends Promise {} return P.resolve(1); });
add('string-escapes', () => ['`${x}`', 'a\'b"c`d', "'\"", '\u2028\u2029', '\x7f\x80\x9f\xa0', '\\n']);
add('deep-depth-infinity', () => ({ a: { b: { c: { d: { e: { f: { g: 1 } } } } } } }));
add('constructor-overwritten', () => ({ constructor: 'not a function', x: 1 }));
add('constructor-prop-class', () => { class K {} const k = new K(); k.constructor = Object; return k; });
add('object-with-null-proto-chain', () => Object.create(Object.create(null)));
add('frozen', () => Object.freeze({ a: 1 }));
add('sparse-huge', () => { const a = []; a[5] = 1; a[200] = 2; a.length = 300; return a; });
add('nested-arrays-grouping', () => ({ list: Array.from({ length: 10 }, (_, i) => [i, i * 2]) }));
add('long-keys', () => Object.fromEntries(Array.from({ length: 5 }, (_, i) => ['k'.repeat(30) + i, 'v'.repeat(30)])));
add('object-many-short', () => Object.fromEntries('abcdefghijklmnopqrstuvwxyz'.split('').map((c, i) => [c, i])));

const optionSets = [
  undefined,
  { depth: Infinity },
  { depth: 0 },
  { depth: null },
  { depth: 4 },
  { colors: true },
  { showHidden: true },
  { compact: false },
  { compact: true },
  { compact: 1 },
  { breakLength: 40 },
  { breakLength: Infinity },
  { maxArrayLength: 2 },
  { maxArrayLength: 0 },
  { maxStringLength: 4 },
  { sorted: true },
  { getters: true },
  { getters: 'get' },
  { getters: 'set' },
  { numericSeparator: true },
  { customInspect: false },
  { showProxy: true },
  { colors: true, compact: false, depth: 1 },
];

for (const [label, make] of values) {
  const shared = make();
  for (const opts of optionSets) {
    // Values with getters/custom inspectors may change; make them afresh.
    const fresh = /getters|custom/.test(label);
    const v1 = fresh ? make() : shared;
    const v2 = fresh ? make() : shared;
    let expected;
    let actual;
    try {
      expected = opts === undefined ? util.inspect(v1) : util.inspect(v1, opts);
    } catch (e) {
      expected = `throws ${e.message}`;
    }
    try {
      actual = opts === undefined ? ours.inspect(v2) : ours.inspect(v2, opts);
    } catch (e) {
      actual = `throws ${e.stack}`;
    }
    check(`inspect ${label} ${JSON.stringify(opts)}`, actual, expected);
  }
}

// Shared values (the same object must give the same stack etc.).
{
  const e = new Error('shared');
  check('error shared', ours.inspect(e), util.inspect(e));
  const o = { e: [e, { e }] };
  check('error nested shared', ours.inspect(o), util.inspect(o));
  check('error nested colors', ours.inspect(o, { colors: true }), util.inspect(o, { colors: true }));
}

// Legacy signature inspect(v, showHidden, depth, colors).
{
  const v = { a: { b: { c: { d: 1 } } }, arr: [1] };
  check('legacy', ours.inspect(v, false, 0, true), util.inspect(v, false, 0, true));
  check('legacy showHidden', ours.inspect(v, true), util.inspect(v, true));
}

// Custom inspect gets user options and the inspect function.
{
  const seen = [];
  const v = { [util.inspect.custom](depth, opts, insp) { seen.push(depth, opts.foo, typeof insp, typeof opts.stylize); return insp({ x: 1 }, opts); } };
  ours.inspect({ a: v }, { foo: 'bar' });
  check('custom inspect args', JSON.stringify(seen), JSON.stringify([1, 'bar', 'function', 'function']));
}

// format / formatWithOptions.
const formatCases = [
  ['%s', 'str'],
  ['%s', 42],
  ['%s', -0],
  ['%s', 12n],
  ['%s', null],
  ['%s', undefined],
  ['%s', Symbol('x')],
  ['%s', { a: { b: { c: 1 } } }],
  ['%s', [1, [2, [3]]]],
  ['%s', new Error('in format')],
  ['%s', { toString() { return 'custom toString'; } }],
  ['%s', new (class Foo { toString() { return 'Foo!'; } })()],
  ['%s', new Date(0)],
  ['%d', '42'],
  ['%d', 42.5],
  ['%d', 10n],
  ['%d', Symbol('x')],
  ['%d', {}],
  ['%d', -0],
  ['%i', '42.9px'],
  ['%i', 7n],
  ['%f', '1.5e3'],
  ['%f', Symbol('y')],
  ['%j', { a: [1, 'x'] }],
  ['%j', (() => { const o = {}; o.o = o; return o; })()],
  ['%o', { a: [1, 2], f() {} }],
  ['%O', { a: { b: { c: { d: 1 } } } }],
  ['%c', 'color: red'],
  ['%%', 1],
  ['%% %s', 'x'],
  ['100%', 1],
  ['%s %s', 'only-one'],
  ['%x %s', 'a'],
  ['a', 'b', 3, { c: 1 }],
  [1, 2, 'three'],
  ['%s:%s', 'a', 'b', 'extra', { x: 1 }],
  ['%'],
  ['%s'],
  ['no args'],
  [],
  [{ a: 1 }, 'str', [1]],
  ['%s', 'a\nb'],
  ['%d%%', 50],
  ['%O', 'str'],
  ['%o', 'str'],
  ['%s', { [Symbol.toPrimitive]() { return 'prim'; } }],
  ['%d', { valueOf() { return 7; } }],
  ['%i', '0x1A'],
  ['%f', 'abc'],
  ['%s', [1, 2, 3]],
  ['%s', new Map([[1, 2]])],
  ['%s', Object.create(null)],
  ['%s', new (class Custom {})()],
  ['%s', -0, 0n],
  ['%s %s %s', 'a'],
  ['%j %j', 1n],
  ['%s', new (class P { [Symbol.toPrimitive]() { return 'protoPrim'; } })()],
  ['%s', Object.create({ [Symbol.toPrimitive]() { return 'chainPrim'; } })],
  ['%s', { [Symbol.toPrimitive]: 5 }],
  ['%s', Object.defineProperty(new Date(0), Symbol.toPrimitive, { value() { return 'own'; } })],
  ['%s', new Error('err in %s')],
  ['%s', new (class E2 extends Error {})('sub')],
];
for (const args of formatCases) {
  let expected;
  let actual;
  try { expected = util.format(...args); } catch (e) { expected = `throws ${e.name}: ${e.message}`; }
  try { actual = ours.format(...args); } catch (e) { actual = `throws ${e.name}: ${e.message}`; }
  check(`format ${util.inspect(args)}`, actual, expected);
  try { expected = util.formatWithOptions({ colors: true }, ...args); } catch (e) { expected = `throws ${e.name}: ${e.message}`; }
  try { actual = ours.formatWithOptions({ colors: true }, ...args); } catch (e) { actual = `throws ${e.name}: ${e.message}`; }
  check(`formatWithOptions colors ${util.inspect(args)}`, actual, expected);
}

// Tables.
check('colors table', JSON.stringify(ours.inspect.colors), JSON.stringify(util.inspect.colors));
check('colors aliases', JSON.stringify(['grey', 'blackBright', 'faint', 'crossedout', 'swapColors', 'doubleUnderline', 'conceal', 'bgGrey'].map((k) => ours.inspect.colors[k])),
  JSON.stringify(['grey', 'blackBright', 'faint', 'crossedout', 'swapColors', 'doubleUnderline', 'conceal', 'bgGrey'].map((k) => util.inspect.colors[k])));
check('styles table', JSON.stringify(ours.inspect.styles), JSON.stringify(util.inspect.styles));
check('default options', JSON.stringify(ours.inspect.defaultOptions), JSON.stringify(util.inspect.defaultOptions));
check('custom symbol', ours.inspect.custom, util.inspect.custom);

// "Built-in" objects for %s: the ECMAScript constructors only, not the
// platform's (URL, EventTarget, Buffer...), whatever globalThis holds.
for (const n of Object.getOwnPropertyNames(globalThis).filter((e) => /^[A-Z][a-zA-Z0-9]+$/.test(e))) {
  const F = { [n]: function() {} }[n];
  F.prototype.toString = function() { return 'STR'; };
  check(`format %s builtin ${n}`, ours.format('%s', new F()), util.format('%s', new F()));
}

// Argument validation.
for (const v of [null, 5, 'x', [], () => {}]) {
  check(`formatWithOptions(${util.inspect(v)})`, outcome(() => ours.formatWithOptions(v, 'a')), outcome(() => util.formatWithOptions(v, 'a')));
}
for (const v of [null, 5, [], 'str']) {
  const saved = { ...util.inspect.defaultOptions };
  const a = outcome(() => { ours.inspect.defaultOptions = v; });
  const b = outcome(() => { util.inspect.defaultOptions = v; });
  util.inspect.defaultOptions = saved;
  check(`defaultOptions = ${util.inspect(v)}`, a, b);
}
{
  // Changing the defaults changes later calls (what console.log uses).
  const saved = { ...ours.inspect.defaultOptions };
  ours.inspect.defaultOptions = { depth: 0, breakLength: 20 };
  const savedNode = { ...util.inspect.defaultOptions };
  util.inspect.defaultOptions = { depth: 0, breakLength: 20 };
  const v = { a: { b: 1 }, list: [1, 2, 3, 4, 5, 6, 7] };
  check('changed defaultOptions', ours.inspect(v), util.inspect(v));
  check('changed defaultOptions format', ours.format('%O', v), util.format('%O', v));
  ours.inspect.defaultOptions = saved;
  util.inspect.defaultOptions = savedNode;
}
{
  // User-changed styles and colors.
  const savedStyle = ours.inspect.styles.number;
  ours.inspect.styles.number = 'red';
  util.inspect.styles.number = 'red';
  check('changed styles', ours.inspect([1, 'a'], { colors: true }), util.inspect([1, 'a'], { colors: true }));
  ours.inspect.styles.number = savedStyle;
  util.inspect.styles.number = savedStyle;
}
