// Run on a pseudo-terminal (name ends in .tty.js): colors in console output,
// console.table and assertion diffs must match Node's.
console.log({ a: 1, s: 'str', n: null, u: undefined, d: new Date(0), r: /x/, sym: Symbol('q') }, [1, 2], 'plain');
console.error(new Map([[1, 'x']]));
console.table([{ a: 1 }]);
console.log(process.stdout.isTTY, process.stdout.hasColors());
try { require('assert').deepStrictEqual({ a: 1 }, { a: 2 }); } catch (e) { console.log(e.message); }
