'use strict';
// domain: errors thrown in asynchronous callbacks started inside d.run()
// (timers, immediates, nextTick, fs callbacks, emitters) reach the domain's
// 'error' listener; bind, intercept, add/remove, members, nested domains,
// process.domain / domain.active, emitters bound at creation.
const domain = require('domain');
const EventEmitter = require('events');
const fs = require('fs');
const path = require('path');

const steps = [];
function next() {
  const s = steps.shift();
  if (s) setImmediate(s);
}

function describe(e) {
  return [e.message, e.domainThrown, e.domain && e.domain.name, e.domainEmitter ? 'emitter' : '-', e.domainBound ? 'bound' : '-'];
}

function make(name) {
  const d = domain.create();
  d.name = name;
  d.on('error', (e) => {
    console.log(`${name} caught`, describe(e), 'active in handler:', process.domain && process.domain.name);
    next();
  });
  return d;
}

console.log(typeof domain.create, domain.createDomain === domain.create, domain.active, process.domain);
console.log(require('events').usingDomains);

steps.push(() => {
  const d = make('timeout');
  d.run(() => setTimeout(() => { throw new Error('from setTimeout'); }, 1));
});
steps.push(() => {
  const d = make('immediate');
  d.run(() => setImmediate(() => { throw new Error('from setImmediate'); }));
});
steps.push(() => {
  const d = make('tick');
  d.run(() => process.nextTick(() => { throw new Error('from nextTick'); }));
});
steps.push(() => {
  const d = make('fs');
  d.run(() => fs.readFile(path.join(__dirname, 'missing-file'), (err) => {
    throw new Error(`from fs callback (${err.code})`);
  }));
});
steps.push(() => {
  const d = make('sync');
  setImmediate(() => d.run(() => { throw new Error('thrown synchronously in run'); }));
});
steps.push(() => {
  const d = make('emitter');
  let ee;
  d.run(() => { ee = new EventEmitter(); });
  console.log('emitter bound', ee.domain === d);
  ee.emit('error', new Error('emitted error'));
});
steps.push(() => {
  const d = make('added');
  const ee = new EventEmitter();
  d.add(ee);
  console.log('members', d.members.length, d.members[0] === ee, ee.domain === d);
  ee.emit('error', new Error('added emitter error'));
});
steps.push(() => {
  const d = make('removed');
  const ee = new EventEmitter();
  d.add(ee);
  d.remove(ee);
  console.log('after remove', d.members.length, ee.domain);
  try { ee.emit('error', new Error('not in a domain')); } catch (e) { console.log('thrown to caller', e.message); }
  next();
});
steps.push(() => {
  const d = make('bind');
  const fn = d.bind(function(a, b) {
    console.log('bound called', a, b, process.domain === d, this.tag);
    throw new Error('from bound function');
  });
  console.log('bound has domain', fn.domain === d);
  setImmediate(() => fn.call({ tag: 'this' }, 1, 2));
});
steps.push(() => {
  const d = make('intercept');
  const fn = d.intercept((data) => console.log('intercepted data', data));
  fn(null, 'payload', 'dropped');
  fn(new Error('intercepted error'));
});
steps.push(() => {
  const outer = make('outer');
  const inner = domain.create();
  inner.name = 'inner';
  outer.run(() => {
    inner.run(() => {
      console.log('nested', process.domain.name, domain.active.name, domain._stack.map((x) => x.name));
    });
    console.log('after inner', process.domain.name, domain._stack.map((x) => x.name));
    // inner has no 'error' listener: the error goes to no domain handler
    // of inner, so outer (still on the stack when it is thrown) gets it
    setTimeout(() => { throw new Error('outer async'); }, 1);
  });
  console.log('after outer', process.domain, domain._stack.length);
});
steps.push(() => {
  const d = make('enter-exit');
  d.enter();
  console.log('entered', process.domain === d, domain.active === d);
  d.exit();
  console.log('exited', process.domain, domain.active);
  d.exit(); // not on the stack: nothing happens
  next();
});
steps.push(() => {
  try {
    process.setUncaughtExceptionCaptureCallback(() => {});
  } catch (e) {
    console.log(e.code, e.message);
  }
  console.log(process.hasUncaughtExceptionCaptureCallback());
  next();
});
steps.push(() => console.log('done', process.domain, domain._stack.length));
next();
