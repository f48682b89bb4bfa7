'use strict';
// assert.ok()/assert() without a message quote the failing expression from
// this file, as Node does; each form below must give Node's message.
const assert = require('assert');
const { ok } = assert;
const strict = require('assert/strict');

function show(fn) {
  try {
    fn();
    console.log('no throw');
  } catch (e) {
    console.log(JSON.stringify(e.message), e.generatedMessage);
  }
}

show(() => assert(false));
show(() => assert.ok(0));
show(() => ok(''));
show(() => strict(null));
show(() => strict.ok(typeof 1 === 'string'));
show(() => assert(1 > 2, undefined));
show(() => assert([1, 2].includes(3) && 'x'.length === 1));
show(() => assert(
  Array.isArray({}),
));
show(() => assert.ok(
  [1, 2, 3]
    .map((x) => x * 2)
    .includes(5),
));
show(() => assert(`template ${'str'}` === 'nope'));
show(() => assert(')(' === '()'));
show(() => assert(/* comment ) */ false));
show(() => assert(false, 'explicit message'));
show(() => assert());
show(() => { const check = assert; check(NaN); });
