// The bundled example: a tiny program that shows the runtime at work.
const path = require('path');
const { greet } = require('./greet');

console.log(greet('devrun'));
console.log('running', path.basename(__filename), 'with', process.argv.length - 2, 'arguments');
setTimeout(() => console.log('timer fired after 100 ms'), 100);
Promise.resolve().then(() => console.log('microtask ran'));
process.nextTick(() => console.log('nextTick ran'));
