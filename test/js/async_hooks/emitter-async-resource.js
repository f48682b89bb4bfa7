// events.EventEmitterAsyncResource: listeners run in the resource's async
// context; name validation; asyncId/triggerAsyncId/asyncResource.
const { EventEmitterAsyncResource, EventEmitter } = require('events');
const { executionAsyncId, AsyncResource, AsyncLocalStorage } = require('async_hooks');
console.log(Object.keys(require('events')).includes('EventEmitterAsyncResource'));
const e = new EventEmitterAsyncResource({ name: 'X', triggerAsyncId: 1 });
console.log(e instanceof EventEmitter, e.triggerAsyncId, typeof e.asyncId, e.asyncResource instanceof AsyncResource,
  e.asyncResource.eventEmitter === e, e.asyncResource.constructor.name);
e.on('x', (a, b) => console.log('listener', a, b, executionAsyncId() === e.asyncId));
console.log('emit returns', e.emit('x', 1, 2), e.emit('nothing'));
class Sub extends EventEmitterAsyncResource {}
console.log(new Sub() instanceof EventEmitterAsyncResource, new EventEmitterAsyncResource('byString').asyncId > 0);
try { new EventEmitterAsyncResource(); } catch (err) { console.log(err.code, err.message); }
try { new EventEmitterAsyncResource({ name: 5 }); } catch (err) { console.log(err.code, err.message); }
const als = new AsyncLocalStorage();
const inside = als.run('store', () => new EventEmitterAsyncResource({ name: 'Y' }));
inside.on('y', () => console.log('store in listener', als.getStore()));
inside.emit('y');
e.emitDestroy();
