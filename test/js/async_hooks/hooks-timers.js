// createHook for Timeout, Immediate, TickObject and Microtask resources:
// init with the creator's execution id as trigger, before/after around the
// callback (which runs with executionAsyncId() = the resource, and
// triggerAsyncId() = its trigger), destroy after it ran or was cleared; an
// interval runs twice under one id; executionAsyncResource() is the timer.
// Only resources made by this file are tracked (each is labelled when it is
// created), and ids are printed as labels, so the output does not depend on
// id counters or on resources the runtime makes for itself.
'use strict';
const ah = require('async_hooks');
const fs = require('fs');

const byId = new Map();      // asyncId -> record
let pending = null;          // label for the next init
const out = [];

function labelOf(id) {
  if (id === 1) return 'main';
  const r = byId.get(id);
  return r ? r.label : 'other';
}

const hook = ah.createHook({
  init(id, type, trigger, resource) {
    if (pending === null) return;
    byId.set(id, { label: pending, type, trigger, resource, events: ['init'] });
    pending = null;
  },
  before(id) { const r = byId.get(id); if (r) r.events.push('before'); },
  after(id) { const r = byId.get(id); if (r) r.events.push('after'); },
  destroy(id) { const r = byId.get(id); if (r) r.events.push('destroy'); },
});
hook.enable();

function make(label, fn) {
  const creator = ah.executionAsyncId();
  pending = label;
  const v = fn();
  pending = null;
  for (const r of byId.values()) if (r.label === label) r.creatorOk = r.trigger === creator;
  return v;
}

function inside(label) {
  const id = ah.executionAsyncId();
  const r = byId.get(id);
  out.push(`${label}: runs in ${r ? r.label : labelOf(id)} (${r ? r.type : '?'}), ` +
    `trigger ${labelOf(ah.triggerAsyncId())}, ` +
    `resource is the ${r && ah.executionAsyncResource() === r.resource ? 'same object' : 'wrong object'}`);
}

const steps = [];
function finish() {
  // destroy hooks run in the check phase after the callbacks: let two pass
  setImmediate(() => setImmediate(() => {
    hook.disable();
    for (const line of out) fs.writeSync(1, `${line}\n`);
    for (const r of byId.values()) {
      fs.writeSync(1, `${r.label}: ${r.type}, trigger is its creator ${r.creatorOk}, events ${r.events.join(' ')}\n`);
    }
  }));
}

make('timeout', () => setTimeout(() => {
  inside('timeout');
  make('tick', () => process.nextTick(() => {
    inside('tick');
    make('immediate', () => setImmediate(() => {
      inside('immediate');
      let n = 0;
      const iv = make('interval', () => setInterval(() => {
        inside(`interval run ${++n}`);
        if (n === 2) {
          clearInterval(iv);
          make('microtask', () => queueMicrotask(() => {
            inside('microtask');
            const t = make('cleared timeout', () => setTimeout(() => out.push('never'), 1000));
            clearTimeout(t);
            const i = make('cleared immediate', () => setImmediate(() => out.push('never')));
            clearImmediate(i);
            finish();
          }));
        }
      }, 1));
    }));
  }));
}, 1));
