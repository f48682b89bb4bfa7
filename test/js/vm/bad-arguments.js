// vm argument validation: non-objects as contexts never reach the engine.
const vm = require('vm');
for (const t of [() => vm.createContext(null), () => vm.isContext(null), () => vm.isContext(undefined), () => vm.runInContext('1', null),
  () => vm.runInNewContext('1', 5), () => new vm.Script('1').runInContext(null), () => vm.compileFunction('1', [], { parsingContext: null }),
  () => vm.createContext([]), () => vm.isContext(() => 1), () => vm.runInNewContext('typeof this', [])]) {
  try { console.log('ok', t()); } catch (e) { console.log(e.name, e.code, e.message); }
}
