// AsyncResource: runInAsyncScope (this, args, return value, context),
// bind/static bind with asyncResource, ids, emitDestroy; createHook events
// for AsyncResources (collected, printed after disabling the hook).
const async_hooks = require('async_hooks');
const { AsyncResource, AsyncLocalStorage, executionAsyncId, triggerAsyncId, createHook } = async_hooks;
const als = new AsyncLocalStorage();

console.log('top ids', executionAsyncId(), triggerAsyncId());
const events = [];
const hook = createHook({
  init(id, type, trigger, resource) {
    if (type === 'MyResource') events.push(['init', type, resource instanceof AsyncResource]);
  },
  before(id) { if (ids.has(id)) events.push(['before', ids.get(id)]); },
  after(id) { if (ids.has(id)) events.push(['after', ids.get(id)]); },
  destroy(id) { if (ids.has(id)) events.push(['destroy', ids.get(id)]); },
}).enable();
const ids = new Map();

const r = als.run('captured', () => new AsyncResource('MyResource'));
ids.set(r.asyncId(), 'r');
console.log('ids', r.asyncId() > 1, typeof r.triggerAsyncId(), r.triggerAsyncId() === executionAsyncId());
const ret = r.runInAsyncScope(function(a, b) {
  console.log('in scope', this.tag, a, b, als.getStore(), executionAsyncId() === r.asyncId(), triggerAsyncId() === r.triggerAsyncId());
  return a + b;
}, { tag: 'this' }, 1, 2);
console.log('returned', ret, 'outside', als.getStore(), executionAsyncId());
try {
  r.runInAsyncScope(() => { throw new Error('thrown in scope'); });
} catch (e) {
  console.log('caught', e.message, executionAsyncId());
}
const f = r.bind(function(x) { return [x, als.getStore()]; });
console.log('bind', f('arg'), f.length, f.asyncResource === r);
const g = als.run('static', () => AsyncResource.bind(function named(a, b) { return als.getStore(); }));
console.log('static bind', g(), g.length, g.asyncResource instanceof AsyncResource);
const h = r.bind(function() { return this.v; }, { v: 'thisArg' });
console.log('bind thisArg', h());
console.log('emitDestroy returns', r.emitDestroy() === r);
r.emitDestroy();
hook.disable();
console.log('events', JSON.stringify(events));
function t(label, fn) {
  try {
    console.log(label, 'ok', fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
t('type', () => new AsyncResource(1));
t('bind non-function', () => r.bind(5));
t('hook init', () => createHook({ init: 1 }));
t('hook destroy', () => createHook({ destroy: 'x' }));
t('trigger', () => new AsyncResource('T', { triggerAsyncId: -2 }));
t('enable returns', () => createHook({}).enable().disable() instanceof Object);
