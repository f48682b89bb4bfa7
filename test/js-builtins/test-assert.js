'use strict';
// runtime/lib/assert.js against Node's assert: for each failing (or
// passing) call, the thrown error's class, code, message, generatedMessage,
// actual/expected/operator and its util.inspect() header must match.

const util = require('util');
const nodeAssert = require('assert');
const { createLoader, fakeProcess, check, checkAsync } = require('./harness');
const warnings = [];
const load = createLoader(fakeProcess({ emitWarning: (...a) => warnings.push(a.join('|')) }));
const assert = load('assert');
const strictFromId = load('assert/strict');

function describe(fn) {
  try {
    fn();
    return 'no throw';
  } catch (e) {
    if (!(e instanceof Error)) return `threw non-error ${util.inspect(e)}`;
    return [e.name, e.code, e.constructor.name, JSON.stringify(e.message), e.generatedMessage,
      util.inspect(e.actual, { depth: 1 }), util.inspect(e.expected, { depth: 1 }), e.operator,
      e.stack.split('\n')[0], String(e), Object.keys(e).join()].join(' | ')
      // Stacks of errors held in actual/expected differ by call site.
      .replace(/\n {4}at [^\n]*/g, '');
  }
}

const big = { a: 1, b: { c: [1, 2, 3], d: 'x' }, e: new Map([[1, { f: 2 }]]), g: new Set([1, 2]), h: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] };
const big2 = { a: 1, b: { c: [1, 2, 4], d: 'x' }, e: new Map([[1, { f: 3 }]]), g: new Set([1, 3]), h: [1, 2, 3, 4, 5, 6, 7, 8, 9, 11] };
const longArr = Array.from({ length: 80 }, (_, i) => ({ id: i, name: `item${i}` }));
const longArr2 = longArr.map((o, i) => (i === 40 ? { id: 40, name: 'changed' } : o));
class Foo { constructor() { this.x = 1; } }

const cases = [
  ['strictEqual 1 2', (a) => a.strictEqual(1, 2)],
  ['strictEqual strings', (a) => a.strictEqual('hello world', 'hello there')],
  ['strictEqual long strings', (a) => a.strictEqual('a'.repeat(30) + 'b', 'a'.repeat(30) + 'c')],
  ['strictEqual multiline', (a) => a.strictEqual('a\nb\nc', 'a\nx\nc')],
  ['strictEqual objects', (a) => a.strictEqual({ a: 1 }, { a: 1 })],
  ['strictEqual objects differ', (a) => a.strictEqual({ a: 1 }, { a: 2 })],
  ['strictEqual fns', (a) => a.strictEqual(() => {}, () => {})],
  ['strictEqual -0', (a) => a.strictEqual(0, -0)],
  ['strictEqual NaN ok', (a) => a.strictEqual(NaN, NaN)],
  ['strictEqual msg', (a) => a.strictEqual(1, 2, 'my message')],
  ['deepStrictEqual msg', (a) => a.deepStrictEqual({ a: 1, b: 2 }, { a: 1, b: 3 }, 'msg here')],
  ['strictEqual long msg', (a) => a.strictEqual('x'.repeat(20), 'y'.repeat(20), 'm2')],
  ['strictEqual same structure msg', (a) => a.strictEqual({ a: 1 }, { a: 1 }, 'm5')],
  ['deepStrictEqual skipped msg', (a) => a.deepStrictEqual([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 3, 4, 5, 6, 7, 9], 'm6')],
  ['notStrictEqual msg', (a) => a.notStrictEqual(1, 1, 'm3')],
  ['strictEqual error msg', (a) => a.strictEqual(1, 2, new TypeError('custom error'))],
  ['strictEqual null undefined', (a) => a.strictEqual(null, undefined)],
  ['strictEqual symbol', (a) => a.strictEqual(Symbol('a'), Symbol('a'))],
  ['notStrictEqual', (a) => a.notStrictEqual(1, 1)],
  ['notStrictEqual obj', (a) => { const o = { a: 1 }; a.notStrictEqual(o, o); }],
  ['notStrictEqual long', (a) => a.notStrictEqual('abcdefg', 'abcdefg')],
  ['equal', (a) => a.equal(1, 2)],
  ['equal loose ok', (a) => a.equal(1, '1')],
  ['equal NaN', (a) => a.equal(NaN, NaN)],
  ['notEqual', (a) => a.notEqual(1, '1')],
  ['deepEqual', (a) => a.deepEqual({ a: 1 }, { a: 2 })],
  ['deepEqual ok', (a) => a.deepEqual({ a: 1 }, { a: '1' })],
  ['notDeepEqual', (a) => a.notDeepEqual({ a: 1 }, { a: 1 })],
  ['notDeepEqual loose', (a) => a.notDeepEqual({ a: 1 }, { a: '1' })],
  ['deepStrictEqual simple', (a) => a.deepStrictEqual({ a: 1, b: [1, 2, 3] }, { a: 1, b: [1, 2, 4] })],
  ['deepStrictEqual big', (a) => a.deepStrictEqual(big, big2)],
  ['deepStrictEqual long', (a) => a.deepStrictEqual(longArr, longArr2)],
  ['deepStrictEqual extra', (a) => a.deepStrictEqual([1, 2, 3], [1, 2, 3, 4, 5])],
  ['deepStrictEqual fewer', (a) => a.deepStrictEqual([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 3])],
  ['deepStrictEqual proto', (a) => a.deepStrictEqual(new Foo(), { x: 1 })],
  ['deepStrictEqual same look', (a) => a.deepStrictEqual({ s: Symbol('x') }, { s: Symbol('x') })],
  ['deepStrictEqual prims', (a) => a.deepStrictEqual(1, '1')],
  ['deepStrictEqual errors', (a) => a.deepStrictEqual(new Error('a'), new Error('b'))],
  ['deepStrictEqual ok', (a) => a.deepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })],
  ['notDeepStrictEqual', (a) => a.notDeepStrictEqual({ a: 1 }, { a: 1 })],
  ['notDeepStrictEqual big', (a) => a.notDeepStrictEqual(longArr, longArr)],
  ['ok false', (a) => a.ok(false)],
  ['ok no args', (a) => a.ok()],
  ['ok 0 msg', (a) => a.ok(0, 'zero')],
  ['ok error msg', (a) => a.ok(null, new RangeError('range'))],
  ['assert()', (a) => a(false)],
  ['assert expr', (a) => a(typeof 123 === 'string')],
  ['assert multiline', (a) => a(
    [1, 2].includes(3) &&
      true,
  )],
  ['fail', (a) => a.fail()],
  ['fail msg', (a) => a.fail('boom')],
  ['fail error', (a) => a.fail(new TypeError('te'))],
  ['fail 2 args', (a) => a.fail(1, 2)],
  ['fail 4 args', (a) => a.fail(1, 2, undefined, '>')],
  ['throws ok', (a) => a.throws(() => { throw new TypeError('x'); }, TypeError)],
  ['throws missing', (a) => a.throws(() => {})],
  ['throws missing msg', (a) => a.throws(() => {}, 'should throw')],
  ['throws missing class', (a) => a.throws(() => {}, TypeError)],
  ['throws wrong class', (a) => a.throws(() => { throw new RangeError('r'); }, TypeError)],
  ['throws same name', (a) => a.throws(() => { throw new (class TypeError extends Error {})('r'); }, TypeError)],
  ['throws non-error', (a) => a.throws(() => { throw 'str'; }, TypeError)],
  ['throws regexp ok', (a) => a.throws(() => { throw new Error('abc'); }, /b/)],
  ['throws regexp bad', (a) => a.throws(() => { throw new Error('abc'); }, /z/)],
  ['throws object ok', (a) => a.throws(() => { throw new Error('abc'); }, { message: 'abc', name: 'Error' })],
  ['throws object bad', (a) => a.throws(() => { const e = new Error('abc'); e.code = 'X'; throw e; }, { message: 'abd', code: 'X' })],
  ['throws object regexp', (a) => a.throws(() => { throw new Error('abc'); }, { message: /z/ })],
  ['throws error instance', (a) => a.throws(() => { throw new Error('abc'); }, new Error('abd'))],
  ['throws empty object', (a) => a.throws(() => { throw new Error('abc'); }, {})],
  ['throws validate fn', (a) => a.throws(() => { throw new Error('abc'); }, (e) => e.message === 'nope')],
  ['throws validate fn named', (a) => a.throws(() => { throw new Error('abc'); }, function check() { return 1; })],
  ['throws primitive thrown', (a) => a.throws(() => { throw 5; }, { x: 1 })],
  ['throws bad error arg', (a) => a.throws(() => {}, 5)],
  ['throws string twice', (a) => a.throws(() => {}, 'a', 'b')],
  ['throws ambiguous', (a) => a.throws(() => { throw new Error('same'); }, 'same')],
  ['throws not fn', (a) => a.throws(5)],
  ['doesNotThrow ok', (a) => a.doesNotThrow(() => {})],
  ['doesNotThrow throws', (a) => a.doesNotThrow(() => { throw new Error('oops'); })],
  ['doesNotThrow msg', (a) => a.doesNotThrow(() => { throw new Error('oops'); }, 'msg')],
  ['doesNotThrow class mismatch', (a) => a.doesNotThrow(() => { throw new TypeError('oops'); }, RangeError)],
  ['doesNotThrow class match', (a) => a.doesNotThrow(() => { throw new TypeError('oops'); }, TypeError, 'm')],
  ['ifError null', (a) => a.ifError(null)],
  ['ifError error', (a) => a.ifError(new Error('inner'))],
  ['ifError string', (a) => a.ifError('str')],
  ['ifError empty msg', (a) => a.ifError(new TypeError(''))],
  ['match ok', (a) => a.match('abc', /b/)],
  ['match bad', (a) => a.match('abc', /x/)],
  ['match not string', (a) => a.match(5, /x/)],
  ['match bad regexp', (a) => a.match('a', 'a')],
  ['doesNotMatch', (a) => a.doesNotMatch('abc', /b/)],
  ['missing args', (a) => a.strictEqual(1)],
  ['missing args deep', (a) => a.deepEqual()],
  ['strict.equal', (a) => a.strict.equal(1, '1')],
  ['strict.deepEqual', (a) => a.strict.deepEqual([1], ['1'])],
  ['strict()', (a) => a.strict(0)],
  ['AssertionError direct', (a) => { throw new a.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' }); }],
  ['AssertionError msg', (a) => { throw new a.AssertionError({ message: 'm' }); }],
  ['AssertionError bad', (a) => new a.AssertionError(5)],
];
for (const [name, fn] of cases) {
  check(`assert ${name}`, describe(() => fn(assert)), describe(() => fn(nodeAssert)));
}
check('assert/strict', strictFromId, assert.strict);
check('strict.strict', assert.strict.strict, assert.strict);
check('keys', Object.keys(assert).join(), Object.keys(nodeAssert).join());
check('fail DEP0094 once', warnings.filter((w) => w.includes('DEP0094')).length, 1);
{
  let e1;
  let e2;
  try { assert.strictEqual('x'.repeat(600), 'y'); } catch (e) { e1 = e; }
  try { nodeAssert.strictEqual('x'.repeat(600), 'y'); } catch (e) { e2 = e; }
  const strip = (s) => s.replace(/\n {4}at [^\n]*/g, '');
  check('inspect AssertionError', strip(util.inspect(e1)), strip(util.inspect(e2)));
}

async function asyncCases(a) {
  const out = [];
  const run = async (p) => {
    try {
      await p;
      out.push('resolved');
    } catch (e) {
      out.push([e.name, e.code, JSON.stringify(e.message), e.operator].join(' | '));
    }
  };
  await run(a.rejects(Promise.reject(new Error('x')), Error));
  await run(a.rejects(Promise.resolve(1)));
  await run(a.rejects(async () => {}, 'message here'));
  await run(a.rejects(() => 5));
  await run(a.rejects(5));
  await run(a.rejects(Promise.reject(new TypeError('t')), RangeError));
  await run(a.doesNotReject(Promise.resolve()));
  await run(a.doesNotReject(Promise.reject(new Error('no'))));
  await run(a.doesNotReject(async () => { throw new Error('no2'); }, 'msg'));
  return out.join('\n');
}
checkAsync('assert async', async () => {
  check('rejects/doesNotReject', await asyncCases(assert), await asyncCases(nodeAssert));
});

// CallTracker (deprecated).
function trackerScenario(a) {
  const out = [];
  const t = new a.CallTracker();
  const f = t.calls((x) => x * 2, 2);
  out.push(f(1), f.length, JSON.stringify(f.name));
  const strip = (r) => r.map(({ stack, ...rest }) => ({ ...rest, stack: stack instanceof Error }));
  out.push(util.inspect(strip(t.report())));
  try { t.verify(); } catch (e) { out.push(e.code, JSON.stringify(e.message), Object.keys(e).join()); }
  out.push(util.inspect(t.getCalls(f)));
  t.reset(f);
  out.push(util.inspect(t.getCalls(f)));
  const g = t.calls();
  g();
  g();
  out.push(util.inspect(strip(t.report())));
  try { t.verify(); } catch (e) { out.push(JSON.stringify(e.message)); }
  try { t.getCalls(() => {}); } catch (e) { out.push(e.code, e.message); }
  try { t.calls(() => {}, 0); } catch (e) { out.push(e.code, e.message); }
  t.reset();
  out.push(util.inspect(t), t instanceof a.CallTracker);
  return out.join('\n');
}
check('CallTracker', trackerScenario(assert), trackerScenario(nodeAssert));
check('CallTracker DEP0173', warnings.filter((w) => w.includes('DEP0173')).length, 1);
