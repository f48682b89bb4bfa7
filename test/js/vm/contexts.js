// vm contexts: sandbox reads/writes/deletes, var and function declarations,
// builtins per context, isContext, runInNewContext.
const vm = require('vm');
const sandbox = { a: 1, console, obj: { n: 0 } };
const ctx = vm.createContext(sandbox);
console.log(ctx === sandbox, vm.isContext(ctx), vm.isContext({}), vm.createContext(ctx) === ctx);
console.log(vm.runInContext('a + 1', ctx), vm.runInContext('var b = 5; c = 7; function fn() { return 9 } typeof Array', ctx), sandbox.b, sandbox.c, typeof sandbox.fn, sandbox.fn());
console.log(vm.runInContext('this.a', ctx), vm.runInContext('Object.keys(globalThis).sort().join()', ctx), vm.runInContext('obj.n++; obj.n', ctx), sandbox.obj.n);
sandbox.later = 'added from outside';
console.log(vm.runInContext('later', ctx), vm.runInContext('typeof require + typeof process + typeof setTimeout + typeof console', ctx));
console.log(vm.runInContext('delete a; typeof a', ctx), 'a' in sandbox, vm.runInContext('globalThis.d = 4; d', ctx), sandbox.d);
console.log(vm.runInContext('Object.defineProperty(globalThis, "ro", { value: 1, enumerable: true }); ro', ctx), Object.getOwnPropertyDescriptor(sandbox, 'ro'));
console.log(vm.runInContext('Array', ctx) === Array, vm.runInContext('[1, 2]', ctx) instanceof Array, Array.isArray(vm.runInContext('[1, 2]', ctx)), vm.runInContext('Object.getPrototypeOf([]) === Array.prototype', ctx));
console.log(vm.runInNewContext('x * 2', { x: 21 }), vm.runInNewContext('typeof console'), vm.runInNewContext('this.constructor.name'), vm.runInNewContext('var z = 1; z', {}));
const s2 = {};
vm.runInNewContext('y = 10; var w = 11', s2);
console.log(s2);
console.log(vm.runInThisContext('typeof require'), vm.runInThisContext('globalThis === this'), vm.runInThisContext('var thisCtxVar = 3; thisCtxVar'), typeof thisCtxVar);
vm.runInContext('console.log("inside", typeof globalThis, typeof a)', ctx);
try { vm.runInContext('a', ctx); } catch (e) { console.log(e.name, e.message, e.stack.split('\n').slice(0, 3)); }
const inner = vm.runInNewContext('({ f: function () { return this; }, e: new Error("in") })');
console.log(inner.e instanceof Error, Object.prototype.toString.call(inner.e), inner.e.message);
