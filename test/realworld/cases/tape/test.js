const test = require('tape');

test('arithmetic', (t) => {
  t.equal(1 + 1, 2, 'one plus one');
  t.deepEqual([1, 2].map((x) => x * 2), [2, 4], 'map doubles');
  t.ok('truthy', 'a string is truthy');
  t.end();
});

test('async', async (t) => {
  const v = await Promise.resolve(42);
  t.equal(v, 42, 'resolved value');
});

test('throws', (t) => {
  t.plan(2);
  t.throws(() => { throw new TypeError('bad'); }, TypeError, 'throws TypeError');
  setTimeout(() => t.pass('timer fired'), 5);
});
