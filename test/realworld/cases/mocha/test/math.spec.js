const assert = require('assert');

function add(a, b) { return a + b; }

describe('add', function () {
  it('adds numbers', function () { assert.strictEqual(add(2, 3), 5); });
  it('concatenates strings', function () { assert.strictEqual(add('a', 'b'), 'ab'); });
  it('works asynchronously', async function () {
    const v = await new Promise((r) => setTimeout(() => r(add(1, 1)), 5));
    assert.strictEqual(v, 2);
  });
  it('calls done', function (done) { setImmediate(done); });
  it.skip('is pending');
  describe('deep equality', function () {
    it('compares objects', function () { assert.deepStrictEqual({ a: [1, 2] }, { a: [1, 2] }); });
    it('fails on a wrong sum', function () { assert.strictEqual(add(1, 1), 3); });
  });
});
