// createHook with promises: init (type PROMISE, trigger = parent promise),
// before/after around reactions, promiseResolve; ids are mapped to small
// numbers in order of appearance so the output does not depend on counters.
const { createHook } = require('async_hooks');
const seen = new Map();
const n = (id) => {
  if (!seen.has(id)) seen.set(id, seen.size + 1);
  return seen.get(id);
};
const events = [];
const hook = createHook({
  init(id, type, trigger) { if (type === 'PROMISE') events.push(`init ${n(id)} ${type} trigger ${seen.has(trigger) ? n(trigger) : 'outer'}`); },
  before(id) { if (seen.has(id)) events.push(`before ${n(id)}`); },
  after(id) { if (seen.has(id)) events.push(`after ${n(id)}`); },
  promiseResolve(id) { if (seen.has(id)) events.push(`resolve ${n(id)}`); },
});
hook.enable();
const p = new Promise((resolve) => resolve(1));
const q = p.then((v) => v + 1);
hook.disable();
q.then(() => {
  console.log(events.join('\n'));
  const hook2 = createHook({ init() { throw new Error('never: disabled'); } });
  hook2.enable();
  hook2.disable();
  Promise.resolve().then(() => console.log('disabled hooks see nothing'));
});
