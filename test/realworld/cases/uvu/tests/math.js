const { test } = require('uvu');
const assert = require('uvu/assert');
test('sum', () => { assert.is(1 + 2, 3); });
test('objects', () => { assert.equal({ a: [1, 2] }, { a: [1, 2] }); });
test('async', async () => { assert.ok(await Promise.resolve(true)); });
test.run();
