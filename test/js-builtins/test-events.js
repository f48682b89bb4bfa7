'use strict';
// runtime/lib/events.js and internal/event_target.js against Node's events
// module and its global EventTarget/Event/AbortController: the same
// scripted scenario runs on both and must log the same lines.

const util = require('util');
const NodeEvents = require('events');
const { createLoader, fakeProcess, check, checkAsync } = require('./harness');

function makeLoader() {
  const warnings = [];
  const proc = fakeProcess({ emitWarning: (w, ...rest) => warnings.push([w, ...rest]) });
  const load = createLoader(proc);
  return { load, warnings };
}
const { load, warnings: ourWarnings } = makeLoader();
const OurEvents = load('events');
const ET = load('internal/event_target');

// Run a scenario with an implementation: returns the log lines.
function scenario(EE, fn) {
  const log = [];
  const L = (...a) => log.push(a.map((x) => (typeof x === 'string' ? x : util.inspect(x))).join(' '));
  try {
    fn(EE, L);
  } catch (e) {
    L('threw', e.name, e.code, e.message);
  }
  return log.join('\n');
}
function same(name, fn) {
  check(`events ${name}`, scenario(OurEvents, fn), scenario(NodeEvents, fn));
}

same('basic on/emit/once', (EE, L) => {
  const e = new EE();
  e.on('a', (x, y) => L('a1', x, y));
  e.once('a', (x) => L('a-once', x));
  e.prependListener('a', () => L('a0'));
  e.prependOnceListener('a', () => L('a-1 once'));
  L(e.emit('a', 1, 2));
  L(e.emit('a', 3));
  L(e.emit('nothing'));
  L(e.listenerCount('a'), e.eventNames(), e.listeners('a').length, e.rawListeners('a').length);
});
same('inspect emitter', (EE, L) => {
  const e = new EE();
  L(e);
  e.on('x', () => {});
  e.on('x', function named() {});
  L(e);
  L(new EE({ captureRejections: true }));
});
same('newListener/removeListener events', (EE, L) => {
  const e = new EE();
  e.on('newListener', (t, l) => L('new', t, typeof l));
  e.on('removeListener', (t, l) => L('removed', t, l.name));
  function f1() {}
  function f2() {}
  e.on('x', f1);
  e.once('x', f2);
  e.off('x', f2);
  e.removeListener('x', f1);
  e.on('y', f1);
  e.on('y', f2);
  e.removeAllListeners('y');
  e.on('z', f1);
  e.removeAllListeners();
  L(e.eventNames());
});
same('remove during emit', (EE, L) => {
  const e = new EE();
  const b = () => L('b');
  e.on('x', () => { L('a'); e.off('x', b); });
  e.on('x', b);
  e.emit('x');
  e.emit('x');
});
same('rawListeners once wrapper', (EE, L) => {
  const e = new EE();
  function f() { L('f called'); }
  e.once('x', f);
  const [w] = e.rawListeners('x');
  L(w.listener === f, e.listeners('x')[0] === f);
  w();
  L(e.listenerCount('x'));
  e.on('y', f);
  e.on('y', f);
  L(e.listenerCount('y', f), e.listenerCount('y', () => {}));
});
same('error without listener (Error)', (EE, L) => {
  const e = new EE();
  e.emit('error', new TypeError('boom'));
});
same('error without listener (string)', (EE, L) => { new EE().emit('error', 'just a string'); });
same('error without listener (object)', (EE, L) => { new EE().emit('error', { a: 1 }); });
same('error without listener (none)', (EE, L) => { new EE().emit('error'); });
same('error with errorMonitor', (EE, L) => {
  const e = new EE();
  e.on(EE.errorMonitor, (err) => L('monitor', err.message));
  e.on('error', (err) => L('handled', err.message));
  e.emit('error', new Error('m'));
});
same('bad listener', (EE, L) => { new EE().on('x', 'nope'); });
same('setMaxListeners bad', (EE, L) => { new EE().setMaxListeners(-1); });
same('defaultMaxListeners bad', (EE, L) => { EE.defaultMaxListeners = 'x'; });
same('captureRejections bad', (EE, L) => { EE.captureRejections = 1; });
same('statics', (EE, L) => {
  L(EE.defaultMaxListeners, EE.captureRejectionSymbol, EE.errorMonitor.toString(), EE.usingDomains, EE.EventEmitter === EE);
  const e = new EE();
  e.setMaxListeners(3);
  L(e.getMaxListeners(), EE.getMaxListeners(e), EE.listenerCount(e, 'x'));
  e.on('x', () => {});
  L(EE.getEventListeners(e, 'x').length);
});
same('symbol events', (EE, L) => {
  const e = new EE();
  const s = Symbol('sym');
  e.on(s, (v) => L('sym', v));
  e.emit(s, 1);
  L(e.eventNames());
});
same('this in listener', (EE, L) => {
  const e = new EE();
  e.on('x', function () { L(this === e); });
  e.on('x', () => L('arrow'));
  e.emit('x');
});
same('inherit via util.inherits', (EE, L) => {
  function My() { EE.call(this); }
  util.inherits(My, EE);
  const m = new My();
  m.on('x', (v) => L('got', v));
  m.emit('x', 5);
  L(m);
});
check('events exports', Object.keys(OurEvents).filter((k) => k !== 'EventEmitterAsyncResource').join(),
  Object.keys(NodeEvents).filter((k) => k !== 'EventEmitterAsyncResource').join());

// Max listeners warning: same text and properties as Node's.
{
  const nodeWarnings = [];
  const saved = process.emitWarning;
  process.emitWarning = (w) => nodeWarnings.push(w);
  for (const EE of [OurEvents, NodeEvents]) {
    const e = new EE();
    for (let i = 0; i < 11; i++) e.on('leak', () => {});
    for (let i = 0; i < 12; i++) e.on('leak', () => {}); // warned only once
    class Sub extends EE {}
    const s = new Sub();
    s.setMaxListeners(1);
    s.on(Symbol('sy'), () => {});
    s.on(Symbol('sy'), () => {});
    s.on('two', () => {}).on('two', () => {});
  }
  process.emitWarning = saved;
  const ours = ourWarnings.splice(0).map(([w]) => `${w.name}: ${w.message} ${w.type && String(w.type)} ${w.count}`);
  const theirs = nodeWarnings.map((w) => `${w.name}: ${w.message} ${w.type && String(w.type)} ${w.count}`);
  check('max listeners warnings', ours.join('\n'), theirs.join('\n'));
}

// Unhandled error stack enhancement is attached.
{
  const e = new OurEvents();
  const err = new Error('x');
  try { e.emit('error', err); } catch {}
  const sym = Object.getOwnPropertySymbols(err)[0];
  check('enhance stack', typeof err[sym] === 'function' && err[sym]().includes("\nEmitted 'error' event at:\n"), true);
}

// Async parts: events.once, events.on, captureRejections.
async function asyncScenario(EE, ETs) {
  const log = [];
  const e = new EE();
  setTimeout(() => e.emit('ready', 1, 2), 1);
  log.push(JSON.stringify(await EE.once(e, 'ready')));
  setTimeout(() => e.emit('error', new Error('bad')), 1);
  log.push(await EE.once(e, 'never').catch((err) => err.message));
  const ac = new ETs.AbortController();
  setTimeout(() => ac.abort(), 1);
  log.push(await EE.once(e, 'never', { signal: ac.signal }).catch((err) => `${err.name} ${err.code} ${err.message} ${err.cause && err.cause.name}`));
  log.push(await EE.once(e, 'x', { signal: ETs.AbortSignal.abort('why') }).catch((err) => `${err.name} ${err.cause}`));
  const t = new ETs.EventTarget();
  setTimeout(() => t.dispatchEvent(new ETs.Event('ping')), 1);
  const [evt] = await EE.once(t, 'ping');
  log.push(`${evt.type} ${evt.target === t}`);
  // events.on
  const e2 = new EE();
  setTimeout(() => { e2.emit('d', 1); e2.emit('d', 2); e2.emit('d', 3); e2.emit('end'); }, 1);
  for await (const v of EE.on(e2, 'd', { close: ['end'] })) log.push(`on ${v}`);
  const e3 = new EE();
  setTimeout(() => { e3.emit('d', 'a'); e3.emit('error', new Error('iter err')); }, 1);
  try {
    for await (const v of EE.on(e3, 'd')) log.push(`on3 ${v}`);
  } catch (err) {
    log.push(`on3 caught ${err.message} listeners=${e3.listenerCount('d')}`);
  }
  const it = EE.on(e3, 'q');
  e3.emit('q', 'buffered');
  log.push(JSON.stringify(await it.next()));
  log.push(JSON.stringify(await it.return()));
  log.push(JSON.stringify(await it.next()));
  // captureRejections
  const c = new EE({ captureRejections: true });
  const got = new Promise((res) => c.on('error', (err) => res(err.message)));
  c.on('evt', async () => { throw new Error('rejected!'); });
  c.emit('evt');
  log.push(await got);
  const c2 = new EE({ captureRejections: true });
  const got2 = new Promise((res) => { c2[EE.captureRejectionSymbol] = (err, type, ...args) => res(`${err.message} ${type} ${args}`); });
  c2.on('evt', async () => { throw new Error('r2'); });
  c2.emit('evt', 1, 2);
  log.push(await got2);
  return log.join('\n');
}
checkAsync('async events', async () => {
  const NodeETs = { AbortController, AbortSignal, EventTarget, Event };
  check('events async scenario', await asyncScenario(OurEvents, ET), await asyncScenario(NodeEvents, NodeETs));
});

// EventTarget / Event / AbortController against Node's globals.
function etScenario(M) {
  const log = [];
  const L = (...a) => log.push(a.map((x) => (typeof x === 'string' ? x : util.inspect(x))).join(' '));
  const t = new M.EventTarget();
  const h = (e) => L('h', e.type, e.eventPhase, e.currentTarget === t, e.target === t, e.isTrusted);
  t.addEventListener('x', h);
  t.addEventListener('x', h); // duplicate ignored
  t.addEventListener('x', { handleEvent(e) { L('obj', e.type, this !== t); } });
  t.addEventListener('x', (e) => { L('once'); }, { once: true });
  t.addEventListener('x', (e) => { e.stopImmediatePropagation(); L('stopper'); });
  t.addEventListener('x', () => L('never'));
  const evt = new M.Event('x', { cancelable: true });
  L(t.dispatchEvent(evt), evt.eventPhase, evt.currentTarget, evt.target === t, evt.cancelBubble);
  L(t.dispatchEvent(new M.Event('x')));
  t.removeEventListener('x', h);
  t.dispatchEvent(new M.Event('x'));
  const c = new M.Event('c', { cancelable: true });
  t.addEventListener('c', (e) => e.preventDefault());
  L(t.dispatchEvent(c), c.defaultPrevented, c.returnValue);
  const nc = new M.Event('c');
  L(t.dispatchEvent(nc), nc.defaultPrevented);
  L(new M.Event('e').composedPath(), M.Event.AT_TARGET, new M.Event('q').AT_TARGET, typeof new M.Event('q').timeStamp);
  const ce = new M.CustomEvent('ce', { detail: { a: 1 } });
  L(ce.detail, ce.type, new M.CustomEvent('x').detail);
  L(Object.prototype.toString.call(t), Object.prototype.toString.call(ce), String(new M.AbortController().signal));
  for (const f of [() => new M.Event(), () => t.dispatchEvent({ type: 'x' }), () => t.addEventListener('x'),
    () => t.addEventListener('x', 5), () => new M.AbortSignal(), () => M.AbortSignal.timeout(-1),
    () => M.AbortSignal.any([1]), () => M.EventTarget.prototype.dispatchEvent.call({}, new M.Event('x'))]) {
    try { f(); L('no throw'); } catch (e) { L('threw', e.name, e.code, e.message); }
  }
  // Abort
  const ac = new M.AbortController();
  ac.signal.onabort = (e) => L('onabort', e.type, e.isTrusted);
  ac.signal.addEventListener('abort', () => L('listener', ac.signal.aborted));
  L(ac.signal.aborted, ac.signal.reason, ac.signal.onabort !== null);
  ac.abort();
  ac.abort('again ignored');
  L(ac.signal.aborted, ac.signal.reason.name, ac.signal.reason.message, ac.signal.reason.code);
  try { ac.signal.throwIfAborted(); } catch (e) { L('throwIfAborted', e.name); }
  const ac2 = new M.AbortController();
  ac2.abort({ custom: 1 });
  L(ac2.signal.reason);
  const s = M.AbortSignal.abort();
  L(s.aborted, s.reason.name);
  const any = M.AbortSignal.any([new M.AbortController().signal, ac2.signal]);
  L(any.aborted, any.reason);
  const ac3 = new M.AbortController();
  const any2 = M.AbortSignal.any([ac3.signal]);
  ac3.abort('r3');
  L(any2.aborted, any2.reason);
  // Signal option removes listener.
  const ac4 = new M.AbortController();
  t.addEventListener('sig', () => L('sig heard'), { signal: ac4.signal });
  t.dispatchEvent(new M.Event('sig'));
  ac4.abort();
  t.dispatchEvent(new M.Event('sig'));
  // Inspection
  L(new M.AbortController());
  L(M.AbortSignal.abort());
  L(t);
  L({ nested: { deeper: { ctrl: new M.AbortController() } } });
  L(util.inspect(new M.Event('x')).replace(/timeStamp: [\d.]+/, 'timeStamp: N'));
  L(util.inspect(new M.CustomEvent('y')).replace(/timeStamp: [\d.]+/, 'timeStamp: N'));
  return log.join('\n');
}
check('event_target scenario', etScenario(ET), etScenario({ EventTarget, Event, CustomEvent, AbortController, AbortSignal }));

checkAsync('AbortSignal.timeout', async () => {
  const s = ET.AbortSignal.timeout(5);
  await new Promise((r) => s.addEventListener('abort', r));
  check('timeout reason', `${s.reason.name} ${s.reason.message} ${s.reason.code}`, 'TimeoutError The operation was aborted due to timeout 23');
  const abortedViaListener = await new Promise((res) => {
    const ac = new ET.AbortController();
    OurEvents.addAbortListener(ac.signal, () => res('listener ran'));
    ac.abort();
  });
  check('addAbortListener', abortedViaListener, 'listener ran');
  // Listener exceptions are rethrown asynchronously, dispatch continues.
  const errs = [];
  const handler = (e) => errs.push(e.message);
  process.on('uncaughtException', handler);
  const t = new ET.EventTarget();
  const order = [];
  t.addEventListener('x', () => { throw new Error('listener threw'); });
  t.addEventListener('x', () => order.push('second ran'));
  t.dispatchEvent(new ET.Event('x'));
  await new Promise((r) => setTimeout(r, 5));
  process.off('uncaughtException', handler);
  check('listener error async', `${order} ${errs}`, 'second ran listener threw');
});

// Random operation sequences (fixed seed) on our EventEmitter and Node's:
// the listener call logs and observable state must be the same, including
// listeners that add or remove listeners while an event is emitted.
{
  let seed = 777;
  const rand = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const types = ['a', 'b', 'newListener', 'removeListener', Symbol.for('s')];
  for (let round = 0; round < 200; round++) {
    const ops = [];
    for (let i = 0; i < 25; i++) {
      ops.push({
        op: Math.floor(rand() * 10), type: types[Math.floor(rand() * types.length)],
        fn: Math.floor(rand() * 4), nested: Math.floor(rand() * 6),
      });
    }
    const run = (EE) => {
      const log = [];
      const e = new EE();
      e.setMaxListeners(0);
      const fns = [0, 1, 2, 3].map((k) => function listener(...args) {
        log.push(`L${k}(${args.map(String).join(',')})`);
      });
      const nestedFns = [0, 1, 2, 3, 4, 5].map((k) => function nested() {
        log.push(`N${k}`);
        if (k === 0) e.on('a', fns[1]);
        if (k === 1) e.removeListener('a', fns[1]);
        if (k === 2) e.removeAllListeners('b');
        if (k === 3) e.once('b', fns[2]);
      });
      for (const { op, type, fn, nested } of ops) {
        try {
          runOp(op, type, fn, nested);
        } catch (err) {
          log.push(`threw ${err.code} ${err.message}`);
        }
      }
      function runOp(op, type, fn, nested) {
        switch (op) {
          case 0: e.on(type, fns[fn]); break;
          case 1: e.once(type, fns[fn]); break;
          case 2: e.prependListener(type, fns[fn]); break;
          case 3: e.prependOnceListener(type, fns[fn]); break;
          case 4: e.off(type, fns[fn]); break;
          case 5: if (type !== 'newListener') e.on(type, nestedFns[nested]); break;
          case 6: log.push(`emit ${String(type)} -> ${e.emit(type, 1, 'x')}`); break;
          case 7: e.removeAllListeners(type); break;
          case 8: if (rand() < 0.2) e.removeAllListeners(); break;
          case 9: log.push(`count ${e.listenerCount(type)} names ${e.eventNames().map(String)} raw ${e.rawListeners(type).length}`); break;
        }
      }
      return log.join('\n');
    };
    const saved = seed;
    const ours = run(OurEvents);
    seed = saved;
    const theirs = run(NodeEvents);
    check(`random emitter ops #${round}`, ours, theirs);
  }
}

// getEventListeners / getMaxListeners / setMaxListeners on EventTargets.
function targetHelpers(E, ETs) {
  const out = [];
  const t = new ETs.EventTarget();
  const f1 = () => {};
  const f2 = { handleEvent() {} };
  t.addEventListener('x', f1);
  t.addEventListener('x', f2);
  t.addEventListener('y', f1, { once: true });
  out.push(E.getEventListeners(t, 'x').length, E.getEventListeners(t, 'x')[0] === f1, E.getEventListeners(t, 'x')[1] === f2,
    E.getEventListeners(t, 'y').length, E.getEventListeners(t, 'none').length, E.getMaxListeners(t));
  E.setMaxListeners(3, t);
  out.push(E.getMaxListeners(t));
  const e = new E();
  E.setMaxListeners(7, e);
  out.push(e.getMaxListeners(), E.getMaxListeners(e));
  for (const bad of [() => E.getEventListeners({}, 'x'), () => E.setMaxListeners(1, {}), () => E.setMaxListeners(-1), () => E.getMaxListeners(5)]) {
    try { bad(); out.push('no throw'); } catch (err) { out.push(`${err.code} ${err.message}`); }
  }
  return out.join('\n');
}
check('EventTarget helpers', targetHelpers(OurEvents, ET), targetHelpers(NodeEvents, { EventTarget }));
