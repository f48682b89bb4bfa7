// vm.compileFunction: params, contextExtensions, parsingContext, errors.
const vm = require('vm');
const f = vm.compileFunction('return a + b + k', ['a', 'b'], { contextExtensions: [{ k: 100 }] });
console.log(f(1, 2), f.length, typeof f);
const g = vm.compileFunction('return typeof q + y + typeof require', [], { parsingContext: vm.createContext({ y: 'Y' }) });
console.log(g());
const h = vm.compileFunction('return this', []);
console.log(h.call(5) === 5 || typeof h.call(5));
try { vm.compileFunction('return (', ['x'], { filename: 'cf.js' }); } catch (e) { console.log(e.name, e.message); }
for (const t of [() => vm.compileFunction(1), () => vm.compileFunction('1', 'a'), () => vm.compileFunction('1', [1]), () => vm.compileFunction('1', [], { parsingContext: {} }), () => vm.compileFunction('1', [], { contextExtensions: [1] })]) {
  try { console.log(t()); } catch (e) { console.log(e.name, e.code, e.message); }
}
