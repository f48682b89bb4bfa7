'use strict';
// domain: a domain without an 'error' listener leaves errors to
// process 'uncaughtException'; an error thrown by a domain's error handler
// goes to the enclosing domain; promises made in a domain carry it and their
// unhandled rejections go to it (not to 'unhandledRejection'); timers made in a domain carry it.
const domain = require('domain');

const order = [];
process.on('uncaughtException', (e, origin) => {
  console.log('uncaughtException', e.message, origin, e.domain ? e.domain.name : '-', process.domain);
  order.push('uncaught');
  setImmediate(() => setImmediate(second));
});

const quiet = domain.create();
quiet.name = 'quiet';
quiet.run(() => setTimeout(() => { throw new Error('no listener'); }, 1));

function second() {
  const parent = domain.create();
  parent.name = 'parent';
  parent.on('error', (e) => {
    console.log('parent caught', e.message, e.domain.name);
    setImmediate(third);
  });
  const child = domain.create();
  child.name = 'child';
  child.on('error', (e) => {
    console.log('child handler got', e.message);
    throw new Error('child handler failed');
  });
  // thrown with both on the stack: the child's handler fails, the parent
  // gets that failure
  parent.run(() => {
    child.run(() => { throw new Error('in child'); });
  });
}

function third() {
  const d = domain.create();
  d.name = 'promises';
  d.on('error', (e) => {
    console.log('promise domain caught', e.message, process.domain);
    setImmediate(fourth);
  });
  process.once('unhandledRejection', (reason, p) => {
    console.log('unhandledRejection (not expected)', reason.message, p.domain === d);
  });
  let t;
  d.run(() => {
    t = setTimeout(() => {}, 1);
    Promise.reject(new Error('rejected in domain'));
  });
  console.log('timer carries domain', t.domain === d);
}

function fourth() {
  const d = domain.create();
  d.name = 'interval';
  let n = 0;
  d.on('error', (e) => {
    console.log('interval error', e.message, n);
    if (n === 2) { clearInterval(iv); console.log(order); }
  });
  let iv;
  d.run(() => {
    iv = setInterval(() => { n++; throw new Error(`tick ${n}`); }, 1);
  });
}
