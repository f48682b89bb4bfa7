'use strict';
// internal/event_target: the web's Event, CustomEvent, EventTarget,
// AbortController and AbortSignal, as Node 20 provides them as globals.
//
// An EventTarget keeps, per event type, the list of its listener records
// { listener, callback, once, capture, passive, removed }.  dispatchEvent()
// runs the records present when dispatch starts, in order, skipping those
// removed meanwhile; stopImmediatePropagation() stops the rest (unless a
// listener was added with kResistStopPropagation).  A listener that throws
// does not stop the dispatch: the error is rethrown on the next tick, so it
// reaches 'uncaughtException' as in Node.  There is no DOM tree: events are
// only ever AT_TARGET.
//
// AbortSignal is an EventTarget with `aborted`/`reason`, `onabort`, and the
// static abort()/timeout()/any(); AbortController owns one.

const {
  codes: {
    ERR_EVENT_RECURSION,
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateObject, validateAbortSignal, validateUint32 } = require('internal/validators');
const { customInspectSymbol, lazyDOMException } = require('internal/util');
const {
  kResistStopPropagation,
  kMaxEventTargetListeners,
  kMaxEventTargetListenersWarned,
} = require('internal/events/symbols');

const kEvents = Symbol('kEvents');
const kTrustEvent = Symbol('kTrustEvent');
const kHandlers = Symbol('kHandlers');
const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kDontThrowSymbol = Symbol('kDontThrowSymbol');

let inspectFn;
function inspect(v, opts) {
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn(v, opts);
}

function now() {
  const perf = globalThis.performance;
  if (perf && typeof perf.now === 'function') return perf.now();
  if (typeof process.hrtime === 'function') {
    const [s, ns] = process.hrtime();
    return s * 1e3 + ns / 1e6;
  }
  return Date.now();
}

function emitUncaughtException(err) {
  process.nextTick(() => {
    throw err;
  });
}

// Private state of Events (not visible to inspection or Object.keys): a
// private field, read through stateOf (set by Event's static block).  A
// WeakMap did the same at the price of an ephemeron per event for the GC.
let stateOf;

function isEvent(value) {
  return value !== null && typeof value === 'object' && stateOf(value) !== undefined;
}

function ev(self) {
  const s = self !== null && typeof self === 'object' ? stateOf(self) : undefined;
  if (s === undefined) throw new ERR_INVALID_THIS('Event');
  return s;
}

class Event {
  #state;
  static {
    stateOf = (obj) => (#state in obj ? obj.#state : undefined);
  }

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (options != null) validateObject(options, 'options', { allowArray: true, allowFunction: true, nullable: true });
    const state = {
      type: `${type}`,
      cancelable: !!options?.cancelable,
      bubbles: !!options?.bubbles,
      composed: !!options?.composed,
      defaultPrevented: false,
      propagationStopped: false,
      timeStamp: now(),
      target: null,        // while and after being dispatched
      dispatching: false,
      stop: false,         // stopImmediatePropagation() was called
    };
    if (options?.[kTrustEvent]) state.trusted = true;
    this.#state = state;
  }

  initEvent(type, bubbles = false, cancelable = false) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    const s = ev(this);
    if (ev(this).dispatching) return;
    s.type = `${type}`;
    s.bubbles = !!bubbles;
    s.cancelable = !!cancelable;
  }

  [customInspectSymbol](depth, options) {
    const s = ev(this);
    const name = this.constructor.name;
    if (depth < 0) return name;
    const opts = Object.assign({}, options, {
      depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth,
    });
    return `${name} ${inspect({
      type: s.type,
      defaultPrevented: s.cancelable && s.defaultPrevented,
      cancelable: s.cancelable,
      timeStamp: s.timeStamp,
    }, opts)}`;
  }

  stopImmediatePropagation() {
    ev(this).propagationStopped = true;
    ev(this).stop = true;
  }

  preventDefault() {
    ev(this).defaultPrevented = true;
  }

  get target() {
    ev(this);
    return ev(this).target;
  }

  get currentTarget() {
    ev(this);
    return ev(this).dispatching ? ev(this).target : null;
  }

  get srcElement() {
    ev(this);
    return ev(this).target;
  }

  get type() {
    return ev(this).type;
  }

  get cancelable() {
    return ev(this).cancelable;
  }

  get defaultPrevented() {
    const s = ev(this);
    return s.cancelable && s.defaultPrevented;
  }

  get timeStamp() {
    return ev(this).timeStamp;
  }

  composedPath() {
    ev(this);
    return ev(this).dispatching ? [ev(this).target] : [];
  }

  get returnValue() {
    const s = ev(this);
    return !(s.cancelable && s.defaultPrevented);
  }

  get bubbles() {
    return ev(this).bubbles;
  }

  get composed() {
    return ev(this).composed;
  }

  get eventPhase() {
    ev(this);
    return ev(this).dispatching ? Event.AT_TARGET : Event.NONE;
  }

  get cancelBubble() {
    return ev(this).propagationStopped;
  }

  set cancelBubble(value) {
    if (value) ev(this).propagationStopped = true;
  }

  stopPropagation() {
    ev(this).propagationStopped = true;
  }

  get isTrusted() {
    ev(this);
    return ev(this).trusted === true;
  }
}

const enumerableProperty = { enumerable: true };
Object.defineProperties(Event.prototype, {
  [Symbol.toStringTag]: { writable: false, enumerable: false, configurable: true, value: 'Event' },
  stopImmediatePropagation: enumerableProperty,
  preventDefault: enumerableProperty,
  target: enumerableProperty,
  currentTarget: enumerableProperty,
  srcElement: enumerableProperty,
  type: enumerableProperty,
  cancelable: enumerableProperty,
  defaultPrevented: enumerableProperty,
  timeStamp: enumerableProperty,
  composedPath: enumerableProperty,
  returnValue: enumerableProperty,
  bubbles: enumerableProperty,
  composed: enumerableProperty,
  eventPhase: enumerableProperty,
  cancelBubble: enumerableProperty,
  stopPropagation: enumerableProperty,
  isTrusted: enumerableProperty,
});
for (const [name, value] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]]) {
  const desc = { writable: false, configurable: false, enumerable: true, value };
  Object.defineProperty(Event, name, desc);
}

const customEventDetail = new WeakMap();

class CustomEvent extends Event {
  constructor(type, options = {}) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, options);
    customEventDetail.set(this, options?.detail ?? null);
  }

  get detail() {
    if (!customEventDetail.has(this)) throw new ERR_INVALID_THIS('CustomEvent');
    return customEventDetail.get(this);
  }
}
Object.defineProperties(CustomEvent.prototype, {
  [Symbol.toStringTag]: { writable: false, enumerable: false, configurable: true, value: 'CustomEvent' },
  detail: enumerableProperty,
});

// ---------------------------------------------------------------------------
// EventTarget.

function isEventTarget(obj) {
  return obj !== null && typeof obj === 'object' && obj[kEvents] instanceof Map;
}

function initEventTarget(self) {
  Object.defineProperty(self, kEvents, { value: new Map(), enumerable: false, configurable: true });
  Object.defineProperty(self, kMaxEventTargetListeners, {
    value: require('events').defaultMaxListeners, enumerable: false, writable: true, configurable: true,
  });
  Object.defineProperty(self, kMaxEventTargetListenersWarned, {
    value: false, enumerable: false, writable: true, configurable: true,
  });
}

function validateEventListener(listener) {
  if (typeof listener === 'function' || typeof listener?.handleEvent === 'function') {
    return true;
  }
  if (listener == null) return false;
  if (typeof listener === 'object') {
    // handleEvent is looked up when the event fires.
    return true;
  }
  throw new ERR_INVALID_ARG_TYPE('listener', 'EventListener', listener);
}

function validateEventListenerOptions(options) {
  if (typeof options === 'boolean') return { capture: options };
  if (options === null) return {};
  validateObject(options, 'options', { allowArray: true, allowFunction: true });
  return {
    once: Boolean(options.once),
    capture: Boolean(options.capture),
    passive: Boolean(options.passive),
    signal: options.signal,
    resistStopPropagation: options[kResistStopPropagation] ?? false,
  };
}

function toDOMString(type) {
  if (typeof type === 'symbol') {
    throw new TypeError('Cannot convert a Symbol value to a string');
  }
  return `${type}`;
}

class EventTarget {
  constructor() {
    initEventTarget(this);
  }

  addEventListener(type, listener, options = {}) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    const { once, capture, passive, signal, resistStopPropagation } =
      validateEventListenerOptions(options);
    validateAbortSignal(signal, 'options.signal');

    if (!validateEventListener(listener)) {
      // A null/undefined listener is allowed but does nothing.
      const w = new Error(`addEventListener called with ${listener} which has no effect.`);
      w.name = 'AddEventListenerArgumentTypeWarning';
      w.target = this;
      w.type = type;
      process.emitWarning(w);
      return;
    }
    type = toDOMString(type);

    if (signal) {
      if (signal.aborted) return;
      signal.addEventListener('abort', () => {
        this.removeEventListener(type, listener, options);
      }, { once: true, [kResistStopPropagation]: true });
    }

    let list = this[kEvents].get(type);
    if (list === undefined) {
      list = [];
      this[kEvents].set(type, list);
    }
    for (const rec of list) {
      if (rec.listener === listener && rec.capture === capture) return;
    }
    list.push({
      listener,
      once: !!once,
      capture: !!capture,
      passive: !!passive,
      resistStopPropagation: !!resistStopPropagation,
      removed: false,
    });

    const size = list.length;
    if (this[kMaxEventTargetListeners] > 0 && size > this[kMaxEventTargetListeners] &&
        !this[kMaxEventTargetListenersWarned]) {
      this[kMaxEventTargetListenersWarned] = true;
      const w = new Error('Possible EventTarget memory leak detected. ' +
        `${size} ${type} listeners added to ${inspect(this, { depth: -1 })}. ` +
        `MaxListeners is ${this[kMaxEventTargetListeners]}. Use ` +
        'events.setMaxListeners() to increase limit');
      w.name = 'MaxListenersExceededWarning';
      w.target = this;
      w.type = type;
      w.count = size;
      process.emitWarning(w);
    }
  }

  removeEventListener(type, listener, options = {}) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    if (!validateEventListener(listener)) return;
    type = toDOMString(type);
    const capture = options?.capture === true || options === true;
    const list = this[kEvents].get(type);
    if (list === undefined) return;
    const i = list.findIndex((rec) => rec.listener === listener && rec.capture === capture);
    if (i === -1) return;
    list[i].removed = true;
    list.splice(i, 1);
    if (list.length === 0) this[kEvents].delete(type);
  }

  dispatchEvent(event) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('event');
    if (!isEvent(event)) throw new ERR_INVALID_ARG_TYPE('event', 'Event', event);
    const es = stateOf(event);
    if (es.dispatching) throw new ERR_EVENT_RECURSION(event.type);

    es.target = this;
    es.dispatching = true;
    const list = this[kEvents].get(event.type);
    if (list !== undefined) {
      for (const rec of list.slice()) {
        if (rec.removed) continue;
        if (es.stop === true && !rec.resistStopPropagation && !rec.passive) continue;
        if (rec.once) this.removeEventListener(event.type, rec.listener, { capture: rec.capture });
        try {
          let result;
          if (typeof rec.listener === 'function') {
            result = Reflect.apply(rec.listener, this, [event]);
          } else {
            const handleEvent = rec.listener.handleEvent;
            if (typeof handleEvent === 'function') {
              result = Reflect.apply(handleEvent, rec.listener, [event]);
            }
          }
          if (result !== undefined && result !== null) addCatch(result);
        } catch (err) {
          emitUncaughtException(err);
        }
      }
    }
    es.dispatching = false;
    return event.defaultPrevented !== true;
  }

  [customInspectSymbol](depth, options) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    const name = this.constructor.name;
    if (depth < 0) return name;
    const opts = Object.assign({}, options, {
      depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth,
    });
    return `${name} ${inspect({}, opts)}`;
  }
}

Object.defineProperties(EventTarget.prototype, {
  addEventListener: enumerableProperty,
  removeEventListener: enumerableProperty,
  dispatchEvent: enumerableProperty,
  [Symbol.toStringTag]: { writable: false, enumerable: false, configurable: true, value: 'EventTarget' },
});

// A listener returning a rejected promise: report it as uncaught.
function addCatch(promise) {
  const then = promise.then;
  if (typeof then === 'function') {
    then.call(promise, undefined, function(err) {
      emitUncaughtException(err);
    });
  }
}

// The listeners of `type` on an EventTarget (for events.getEventListeners).
function listenersOf(target, type) {
  const list = target[kEvents].get(type);
  if (list === undefined) return [];
  return list.map((rec) => rec.listener);
}

// `on<event>` attribute: one handler function per event name, kept as an
// ordinary listener registered when the first handler is set.
function defineEventHandler(emitter, name, event = name) {
  Object.defineProperty(emitter, `on${name}`, {
    get() {
      return this[kHandlers]?.get(event)?.handler ?? null;
    },
    set(value) {
      if (!this[kHandlers]) {
        Object.defineProperty(this, kHandlers, { value: new Map(), enumerable: false, configurable: true });
      }
      let wrappedHandler = this[kHandlers].get(event);
      if (wrappedHandler) {
        if (typeof wrappedHandler.handler === 'function') {
          wrappedHandler.handler = value;
          if (typeof value !== 'function') {
            this.removeEventListener(event, wrappedHandler);
          }
        } else if (typeof value === 'function') {
          wrappedHandler.handler = value;
          this.addEventListener(event, wrappedHandler);
        } else {
          wrappedHandler.handler = value;
        }
      } else {
        wrappedHandler = function eventHandler(...args) {
          if (typeof wrappedHandler.handler !== 'function') return;
          return Reflect.apply(wrappedHandler.handler, this, args);
        };
        wrappedHandler.handler = value;
        this[kHandlers].set(event, wrappedHandler);
        if (typeof value === 'function') this.addEventListener(event, wrappedHandler);
      }
    },
    configurable: true,
    enumerable: true,
  });
}

// ---------------------------------------------------------------------------
// AbortSignal / AbortController.

function customInspect(self, obj, depth, options) {
  if (depth < 0) return self;
  const opts = Object.assign({}, options, {
    depth: options.depth === null ? null : options.depth - 1,
  });
  return `${self.constructor.name} ${inspect(obj, opts)}`;
}

function validateThisAbortSignal(obj) {
  if (obj === null || typeof obj !== 'object' || obj[kAborted] === undefined) {
    throw new ERR_INVALID_THIS('AbortSignal');
  }
}

class AbortSignal extends EventTarget {
  constructor(dontThrowKey = undefined) {
    if (dontThrowKey !== kDontThrowSymbol) {
      throw new ERR_ILLEGAL_CONSTRUCTOR();
    }
    super();
  }

  get aborted() {
    validateThisAbortSignal(this);
    return !!this[kAborted];
  }

  get reason() {
    validateThisAbortSignal(this);
    return this[kReason];
  }

  throwIfAborted() {
    validateThisAbortSignal(this);
    if (this[kAborted]) {
      throw this[kReason];
    }
  }

  [customInspectSymbol](depth, options) {
    return customInspect(this, { aborted: this.aborted }, depth, options);
  }

  static abort(reason = lazyDOMException('This operation was aborted', 'AbortError')) {
    return createAbortSignal({ aborted: true, reason });
  }

  static timeout(delay) {
    validateUint32(delay, 'delay', false);
    const signal = createAbortSignal();
    const timer = setTimeout(() => {
      abortSignal(signal, lazyDOMException(
        'The operation was aborted due to timeout', 'TimeoutError'));
    }, delay);
    // The timer must not keep the process alive.
    if (timer && typeof timer.unref === 'function') timer.unref();
    return signal;
  }

  static any(signals) {
    if (!Array.isArray(signals)) {
      throw new ERR_INVALID_ARG_TYPE('signals', 'Array', signals);
    }
    signals.forEach((s, i) => {
      if (s === null || typeof s !== 'object' || s[kAborted] === undefined) {
        throw new ERR_INVALID_ARG_TYPE(`signals[${i}]`, 'AbortSignal', s);
      }
    });
    const resultSignal = createAbortSignal();
    if (!signals.length) return resultSignal;
    for (const signal of signals) {
      if (signal.aborted) {
        abortSignal(resultSignal, signal.reason);
        return resultSignal;
      }
    }
    for (const signal of signals) {
      signal.addEventListener('abort', () => {
        abortSignal(resultSignal, signal.reason);
      }, { once: true, [kResistStopPropagation]: true });
    }
    return resultSignal;
  }
}

Object.defineProperties(AbortSignal.prototype, {
  aborted: enumerableProperty,
  reason: enumerableProperty,
  throwIfAborted: enumerableProperty,
  [Symbol.toStringTag]: { writable: false, enumerable: false, configurable: true, value: 'AbortSignal' },
});
defineEventHandler(AbortSignal.prototype, 'abort');

function createAbortSignal({ aborted = false, reason = undefined } = {}) {
  const signal = new AbortSignal(kDontThrowSymbol);
  Object.defineProperty(signal, kAborted, { value: aborted, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(signal, kReason, { value: reason, writable: true, enumerable: false, configurable: true });
  return signal;
}

function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  const event = new Event('abort', { [kTrustEvent]: true });
  signal.dispatchEvent(event);
}

const controllerSignal = new WeakMap();

class AbortController {
  constructor() {
    controllerSignal.set(this, createAbortSignal());
  }

  get signal() {
    const signal = controllerSignal.get(this);
    if (signal === undefined) throw new ERR_INVALID_THIS('AbortController');
    return signal;
  }

  abort(reason = lazyDOMException('This operation was aborted', 'AbortError')) {
    abortSignal(this.signal, reason);
  }

  [customInspectSymbol](depth, options) {
    return customInspect(this, { signal: this.signal }, depth, options);
  }
}

Object.defineProperties(AbortController.prototype, {
  signal: enumerableProperty,
  abort: enumerableProperty,
  [Symbol.toStringTag]: { writable: false, enumerable: false, configurable: true, value: 'AbortController' },
});

module.exports = {
  Event,
  CustomEvent,
  EventTarget,
  AbortController,
  AbortSignal,
  isEventTarget,
  initEventTarget,
  listenersOf,
  defineEventHandler,
  kTrustEvent,
  kEvents,
};
