// vm contexts are collected with their sandboxes while functions made in
// them keep them alive (run with --expose-gc).
const vm = require('vm');
const fns = [];
for (let i = 0; i < 200; i++) {
  fns.push(vm.runInNewContext('x = ' + i + '; (function () { y = (typeof y === "number" ? y : 0) + 1; return x + y; })', {}));
}
for (let r = 0; r < 5; r++) { gc(); new Array(1e5).fill({}); }
let sum = 0;
for (const f of fns) sum += f();
console.log(sum);
const keep = vm.createContext({ a: 1 });
gc();
console.log(vm.runInContext('a + 1', keep), vm.isContext(keep));
const sc = new vm.Script('typeof a');
for (let i = 0; i < 300; i++) sc.runInNewContext({ a: i });
gc();
console.log('ok');
