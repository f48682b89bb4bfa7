'use strict';
// Prints util.inspect() of many values with several options; run under
// Node and devrun-js, the output must be identical.
const util = require('util');

class Foo { constructor() { this.x = 1; } }
class Bar extends Foo { get [Symbol.toStringTag]() { return 'Tag'; } }
const circ = { name: 'c' };
circ.self = circ;
circ.list = [circ, { circ }];
const values = [
  undefined, null, true, 0, -0, 1.5, NaN, -Infinity, 12345678901234567890n, Symbol('s'), 'str', "it's", 'a\nb\tc\u0001',
  'x'.repeat(120), [], [1, 2, 3], [1, , 3], new Array(5), Array.from({ length: 120 }, (_, i) => i * 3),
  Array.from({ length: 30 }, (_, i) => `s${i}`), { a: 1, b: { c: { d: { e: 1 } } } }, Object.create(null),
  Object.assign(Object.create(null), { k: 'v' }), new Foo(), new Bar(), Foo, Bar, class {}, function named() {},
  () => {}, async function af() {}, function* gen() {}, Math.max, new Map([[1, 'a'], [{ k: 1 }, [1, 2]]]),
  new Set([1, 'two', [3]]), new Map([[1, 2]]).entries(), new Set([1]).values(), new WeakMap(), new WeakSet(),
  Promise.resolve(42), new Promise(() => {}), new Uint8Array([1, 2, 3]), new Float64Array(3), new BigInt64Array(2),
  new ArrayBuffer(4), new DataView(new ArrayBuffer(2)), new Date(0), new Date(NaN), /ab+c/gi, new Number(5),
  new String('boxed'), new Boolean(true), Object(1n), Object(Symbol('bs')), circ, new Proxy({ p: 1 }, {}),
  { [Symbol('k')]: 'sym', 'quoted-key': 1, valid_key: 2, 3: 'num' }, { get g() { return 1; }, set s(v) {} },
  (function () { return arguments; })(1, 2), { nested: [[[[1, [2]]]]] }, new (class extends Array {})(3),
  { fn() {}, arrow: () => {}, [util.inspect.custom]() { return 'CUSTOM!'; } }, { a: 'x'.repeat(90) },
  Object.defineProperty({}, 'hidden', { value: 1, enumerable: false }),
];
const optionSets = [{}, { depth: 0 }, { colors: true }, { compact: false }, { breakLength: 40 }, { showHidden: true },
  { sorted: true, getters: true }, { maxArrayLength: 3, maxStringLength: 10 }, { numericSeparator: true }, { compact: true }];
for (const v of values) {
  for (const o of optionSets) {
    process.stdout.write(util.inspect(v, o) + '\n');
  }
}
process.stdout.write(util.format('%s|%d|%i|%f|%j|%o|%O|%c|%%', 'a', '12', '3.9', '1.5', { j: 1 }, [1], { O: 1 }, 'css') + '\n');
console.log('console.log', { a: [1, 2] }, 'str', 5);
console.error('console.error to stderr');
console.dir({ dir: { deep: { deeper: { deepest: 1 } } } }, { depth: 0 });
console.group('Group');
console.info('inside');
console.groupEnd();
console.table([{ a: 1, b: 'x' }, { a: 2, c: true }]);
console.count();
console.count('x');
console.countReset();
console.count();
console.assert(false, 'assert %s', 'msg');
