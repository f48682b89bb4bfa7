// vm.Script: compile once, run in many contexts; filenames and line offsets
// in stacks; code caches; options validation.
const vm = require('vm');
const s = new vm.Script('n = (typeof n === "number" ? n : 0) + 1', { filename: 'counter.vm' });
const c1 = vm.createContext({});
const c2 = vm.createContext({ n: 10 });
s.runInContext(c1);
s.runInContext(c1);
s.runInContext(c2);
console.log(c1.n, c2.n, s.runInNewContext({ n: 100 }), typeof s.runInThisContext(), typeof n);
const e = new vm.Script('\n\nthrow new Error("line3")', { filename: 'thrower.js', lineOffset: 10 });
try { e.runInThisContext(); } catch (err) { console.log(err.message, err.stack.split('\n')[1].trim()); }
try { new vm.Script('let let', { filename: 'bad.js' }); } catch (err) { console.log(err.name, err.message); }
try { new vm.Script('({', 'named.js'); } catch (err) { console.log(err.name, err.message); }
const p = new vm.Script('1 + 2', { produceCachedData: true });
console.log(Buffer.isBuffer(p.cachedData), p.cachedDataProduced, Buffer.isBuffer(p.createCachedData()));
const q = new vm.Script('1 + 2', { cachedData: p.cachedData });
console.log(q.cachedDataRejected, q.runInThisContext());
const r = new vm.Script('3 + 4', { cachedData: Buffer.from('garbage') });
console.log(r.cachedDataRejected, r.runInThisContext());
const bad = [() => new vm.Script('1', { filename: 1 }), () => new vm.Script('1', { lineOffset: 'x' }), () => new vm.Script('1', { cachedData: 'x' }),
  () => new vm.Script('1', 5), () => s.runInContext({}), () => s.runInThisContext({ timeout: -1 }), () => s.runInThisContext({ displayErrors: 1 }),
  () => vm.runInContext('1', {}), () => vm.createContext(1), () => vm.isContext(1), () => vm.createContext({}, { name: 1 })];
for (const t of bad) {
  try { console.log(t()); } catch (err) { console.log(err.name, err.code, err.message); }
}
console.log(String(new vm.Script(42).runInThisContext()));
