'use strict';
// Async parts of events, EventTarget/AbortSignal and util under the real
// event loop: events.on iteration, events.once with abort, captureRejections,
// AbortSignal.timeout (its timer must not keep the process alive),
// util.promisify/callbackify, deprecation warnings.
const EventEmitter = require('events');
const util = require('util');
const assert = require('assert');

async function main() {
  const e = new EventEmitter();
  setTimeout(() => {
    e.emit('n', 1);
    e.emit('n', 2);
    e.emit('n', 3);
    e.emit('done');
  }, 5);
  for await (const [n] of EventEmitter.on(e, 'n', { close: ['done'] })) console.log('n', n);

  const ac = new AbortController();
  setTimeout(() => ac.abort(new Error('stop')), 5);
  try {
    await EventEmitter.once(e, 'never', { signal: ac.signal });
  } catch (err) {
    console.log('once aborted:', err.name, err.code, err.cause.message);
  }

  const c = new EventEmitter({ captureRejections: true });
  c.on('error', (err) => console.log('captured:', err.message));
  c.on('job', async () => { throw new Error('async failure'); });
  c.emit('job');
  await new Promise((r) => setTimeout(r, 5));

  const signal = AbortSignal.timeout(10);
  await new Promise((r) => signal.addEventListener('abort', r, { once: true }));
  console.log('timeout:', signal.reason.name, signal.reason.message);
  AbortSignal.timeout(60000); // must not keep the process alive

  const any = AbortSignal.any([AbortSignal.timeout(5), new AbortController().signal]);
  await new Promise((r) => any.addEventListener('abort', r));
  console.log('any:', any.reason.name);

  const wait = util.promisify(setTimeout);
  console.log('promisified setTimeout:', await wait(1, 'value'));
  const cb = util.callbackify(async (x) => x * 2);
  await new Promise((r) => cb(21, (err, v) => { console.log('callbackify:', err, v); r(); }));
  const cbFail = util.callbackify(async () => { throw new Error('cb fail'); });
  await new Promise((r) => cbFail((err) => { console.log('callbackify error:', err.message); r(); }));

  const old = util.deprecate(() => 'old result', 'old() is deprecated', 'DEP_TEST');
  console.log(old(), old());

  await assert.rejects(async () => { throw new TypeError('bad'); }, { name: 'TypeError', message: 'bad' });
  await assert.doesNotReject(Promise.resolve());
  try {
    await assert.rejects(Promise.resolve('fine'));
  } catch (err) {
    console.log(err.message);
  }
  const et = new EventTarget();
  et.addEventListener('x', () => { throw new Error('listener error'); });
  process.once('uncaughtException', (err) => console.log('uncaught from listener:', err.message));
  et.dispatchEvent(new Event('x'));
  await new Promise((r) => setTimeout(r, 5));
  console.log('end');
}
main();
