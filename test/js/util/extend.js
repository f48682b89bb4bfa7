// util._extend works and, in Node 20, warns about nothing (DEP0060 is a
// documentation-only deprecation there; Node 22 made it a runtime warning).
// http-proxy calls it for every proxied request.
const util = require('util');
process.on('warning', (w) => console.log('warning', w.code));
const target = { a: 1 };
console.log(util._extend(target, { b: 2, a: 3 }) === target, target);
console.log(util._extend({ x: 1 }, null), util._extend({ x: 1 }, 'str'));
setTimeout(() => console.log('no warning before this line'), 20);
