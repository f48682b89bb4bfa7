// async_hooks ids without any hook (executionAsyncId/triggerAsyncId in
// timers, immediates and ticks), executionAsyncResource, several hooks at
// once (each sees the events while enabled, `this` is the hook), a hook with
// only some callbacks, enable()/disable() returning the hook and being
// idempotent, AsyncResource events with createHook (type, trigger, destroy
// after emitDestroy), and destroy for a cleared timer.  Relations only.
'use strict';
const ah = require('async_hooks');
const fs = require('fs');
const log = (s) => fs.writeSync(1, `${s}\n`);

log(`top level: executionAsyncId ${ah.executionAsyncId()}, triggerAsyncId ${ah.triggerAsyncId()}`);
log(`top-level resource is an object ${typeof ah.executionAsyncResource() === 'object'}`);
const P = ah.asyncWrapProviders;
log(`asyncWrapProviders: ${Object.keys(P).length} names, TCPWRAP ${P.TCPWRAP}, ZLIB ${P.ZLIB}, PROMISE ${P.PROMISE}, frozen ${Object.isFrozen(P)}`);

// no hook enabled: the ids are still there
const top = ah.executionAsyncId();
setTimeout(function() {
  const t = ah.executionAsyncId();
  log(`no hooks: timeout id is new ${t > top}, trigger is the top level ${ah.triggerAsyncId() === top}`);
  log(`no hooks: executionAsyncResource is the Timeout ${ah.executionAsyncResource() === this}`);
  process.nextTick(() => {
    log(`no hooks: tick trigger is the timeout ${ah.triggerAsyncId() === t}, id is new ${ah.executionAsyncId() > t}`);
    const tick = ah.executionAsyncId();
    setImmediate(() => {
      log(`no hooks: immediate trigger is the tick ${ah.triggerAsyncId() === tick}`);
      withHooks();
    });
  });
}, 1);

function withHooks() {
  const a = [];
  const b = [];
  const mine = new Set();
  const hookA = ah.createHook({
    init(id, type, trigger) { if (this === hookA && type === 'test.A') { mine.add(id); a.push(`init ${type}`); } },
    before(id) { if (this === hookA && mine.has(id)) a.push('before'); },
    after(id) { if (this === hookA && mine.has(id)) a.push('after'); },
    destroy(id) { if (this === hookA && mine.has(id)) a.push('destroy'); },
  });
  log(`enable() returns the hook ${hookA.enable() === hookA}, twice too ${hookA.enable() === hookA}`);
  const hookB = ah.createHook({ init(id, type) { if (type.startsWith('test.')) b.push(type); } }).enable();

  const outer = ah.executionAsyncId();
  const r = new ah.AsyncResource('test.A');
  log(`AsyncResource: id is new ${r.asyncId() > outer}, trigger is the creator ${r.triggerAsyncId() === outer}`);
  r.runInAsyncScope(() => {
    log(`inside runInAsyncScope: executionAsyncId is the resource ${ah.executionAsyncId() === r.asyncId()}, ` +
      `resource ${ah.executionAsyncResource() === r}`);
  });
  r.emitDestroy();
  const r2 = new ah.AsyncResource('test.B', { triggerAsyncId: 1 });
  log(`explicit trigger ${r2.triggerAsyncId()}`);
  hookB.disable();
  log(`disable() returns the hook ${hookB.disable() === hookB}`);
  const r3 = new ah.AsyncResource('test.C');
  void r3;

  const cleared = [];
  let timerId = 0;
  const hookC = ah.createHook({
    init(id, type) { if (type === 'Timeout' && timerId === 0) { timerId = id; cleared.push(`init ${type}`); } },
    destroy(id) { if (id === timerId) cleared.push('destroy'); },
  }).enable();
  clearTimeout(setTimeout(() => {}, 1000));
  setImmediate(() => setImmediate(() => {
    hookA.disable();
    hookC.disable();
    log(`hook A saw: ${a.join(', ')}`);
    log(`hook B saw: ${b.join(', ')}`);
    log(`cleared timeout: ${cleared.join(', ')}`);
  }));
}
