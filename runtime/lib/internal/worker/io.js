'use strict';
// internal/worker/io — MessagePort, MessageChannel, BroadcastChannel and
// MessageEvent over internalBinding('messaging') (runtime/src/binding_messaging.c).
//
// Port objects are made by C (they carry the native port in an internal
// field, which is what lets V8's serializer recognise them as transferable
// host objects) with MessagePort.prototype; their EventTarget state is set
// up on first use.  As in Node, a port is an EventTarget with EventEmitter
// style methods too: on('message', fn) gets the message's data, while
// addEventListener('message', fn) gets a MessageEvent.  A port delivers
// messages once it has a 'message' listener (or start() was called); a
// 'message' listener also keeps the event loop alive, until the port is
// closed or unref'd.

const binding = internalBinding('messaging');
const { Event, EventTarget, initEventTarget, kEvents } = require('internal/event_target');
const { codes: { ERR_CONSTRUCT_CALL_INVALID, ERR_INVALID_THIS } } =
  require('internal/errors');
const { inspect } = require('internal/util/inspect');

const kNodeListeners = Symbol('kNodeListeners');
const kHandler = Symbol('kHandler');
const kName = Symbol('kName');
const kClosed = Symbol('kClosed');
const kNodeFn = Symbol('kNodeFn'); // on a wrapper: the EventEmitter-style listener it calls

function ensure(port) {
  if (port[kEvents] === undefined) {
    initEventTarget(port);
    Object.defineProperty(port, kNodeListeners, { value: new Map(), configurable: true });
  }
}

function missingArgs(fn) {
  const e = new TypeError(`Not enough arguments to ${fn}`);
  e.code = 'ERR_MISSING_ARGS';
  return e;
}

class MessageEvent extends Event {
  #data;
  #ports;
  #origin;
  #lastEventId;
  #source;

  constructor(type, init = undefined) {
    if (arguments.length === 0) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_MISSING_ARGS('type');
    }
    super(type, init);
    this.#data = init?.data;
    this.#ports = init?.ports ?? [];
    this.#origin = init?.origin ?? '';
    this.#lastEventId = init?.lastEventId ?? '';
    this.#source = init?.source ?? null;
  }
  get data() { return this.#data; }
  get ports() { return this.#ports; }
  get origin() { return this.#origin; }
  get lastEventId() { return this.#lastEventId; }
  get source() { return this.#source; }
}

function messageListenerCount(port) {
  const list = port[kEvents]?.get('message');
  return list ? list.length : 0;
}

// The first 'message' listener starts delivery and refs the port; removing
// the last one unrefs it (as Node's MessagePort does).
function onMessageListenersChanged(port, before) {
  const after = messageListenerCount(port);
  if (before === 0 && after > 0) {
    binding.start(port);
    binding.ref(port, true);
  } else if (before > 0 && after === 0) {
    binding.ref(port, false);
  }
}

function toTransferList(transferList) {
  if (transferList === undefined || transferList === null) return undefined;
  if (typeof transferList === 'object' && typeof transferList[Symbol.iterator] !== 'function') {
    transferList = transferList.transfer;
    if (transferList === undefined || transferList === null) return undefined;
  }
  if (typeof transferList !== 'object' || typeof transferList[Symbol.iterator] !== 'function') {
    const e = new TypeError('Optional transferList argument must be an iterable');
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  return [...transferList];
}

// EventEmitter-style methods shared by MessagePort and BroadcastChannel.
const nodeStyle = {
  on(type, listener) {
    ensure(this);
    const wrapped = function(ev) {
      return Reflect.apply(listener, this, ev instanceof MessageEvent ? [ev.data] : []);
    };
    wrapped[kNodeFn] = listener;
    let m = this[kNodeListeners].get(type);
    if (!m) this[kNodeListeners].set(type, m = new Map());
    if (m.has(listener)) {
      // EventTarget dedupes the same function; keep a distinct wrapper so
      // on(fn) twice calls fn twice, as an EventEmitter would.
      const again = function(ev) { return Reflect.apply(wrapped, this, [ev]); };
      again[kNodeFn] = listener;
      m.get(listener).push(again);
      this.addEventListener(type, again);
    } else {
      m.set(listener, [wrapped]);
      this.addEventListener(type, wrapped);
    }
    return this;
  },
  once(type, listener) {
    ensure(this);
    const self = this;
    function onceWrapper(...args) {
      self.off(type, listener);
      return Reflect.apply(listener, this, args);
    }
    const wrapped = function(ev) {
      return Reflect.apply(onceWrapper, this, ev instanceof MessageEvent ? [ev.data] : []);
    };
    wrapped[kNodeFn] = onceWrapper;
    let m = this[kNodeListeners].get(type);
    if (!m) this[kNodeListeners].set(type, m = new Map());
    if (!m.has(listener)) m.set(listener, []);
    m.get(listener).push(wrapped);
    this.addEventListener(type, wrapped);
    return this;
  },
  off(type, listener) {
    ensure(this);
    const m = this[kNodeListeners].get(type);
    const list = m?.get(listener);
    if (!list) return this;
    const wrapped = list.shift();
    if (list.length === 0) m.delete(listener);
    this.removeEventListener(type, wrapped);
    return this;
  },
  removeAllListeners(type) {
    ensure(this);
    const types = type === undefined ? [...this[kEvents].keys()] : [type];
    for (const t of types) {
      const list = this[kEvents].get(t);
      if (!list) continue;
      for (const rec of list.slice()) this.removeEventListener(t, rec.listener, { capture: rec.capture });
      this[kNodeListeners].delete(t);
    }
    return this;
  },
  emit(type, arg) {
    ensure(this);
    const ev = type === 'message' || type === 'messageerror' ?
      new MessageEvent(type, { data: arg }) : new Event(type);
    return this.dispatchEvent(ev);
  },
  listenerCount(type) {
    ensure(this);
    const list = this[kEvents].get(type);
    return list ? list.length : 0;
  },
  eventNames() {
    ensure(this);
    return [...this[kEvents].keys()];
  },
  setMaxListeners() { return this; },
  getMaxListeners() { return require('events').defaultMaxListeners; },
};
nodeStyle.addListener = nodeStyle.on;
nodeStyle.removeListener = nodeStyle.off;

function defineHandler(proto, name) {
  Object.defineProperty(proto, `on${name}`, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return this[kHandler]?.[name]?.fn ?? null; },
    set(fn) {
      ensure(this);
      if (!this[kHandler]) Object.defineProperty(this, kHandler, { value: { __proto__: null } });
      const old = this[kHandler][name];
      if (old) this.removeEventListener(name, old.wrapped);
      this[kHandler][name] = undefined;
      if (typeof fn === 'function' || (fn !== null && typeof fn === 'object')) {
        const wrapped = (ev) => (typeof fn === 'function' ? Reflect.apply(fn, this, [ev]) : undefined);
        this[kHandler][name] = { fn, wrapped };
        this.addEventListener(name, wrapped);
      }
    },
  });
}

class MessagePort extends EventTarget {
  constructor() {
    // Ports come only from MessageChannel and messages.
    throw new ERR_CONSTRUCT_CALL_INVALID();
    super(); // eslint-disable-line no-unreachable
  }

  postMessage(value, transferList) {
    if (!binding.isPort(this)) {
      // A port that was transferred or closed drops messages, as in Node.
      if (this instanceof MessagePort) return;
      throw new ERR_INVALID_THIS('MessagePort');
    }
    if (arguments.length === 0) throw missingArgs('MessagePort.postMessage');
    binding.postMessage(this, value, toTransferList(transferList));
  }

  start() { binding.start(this); }

  close() {
    ensure(this);
    if (this[kClosed]) return;
    if (binding.close(this)) {
      Object.defineProperty(this, kClosed, { value: true });
      process.nextTick(() => this.dispatchEvent(new Event('close')));
    }
  }

  ref() { binding.ref(this, true); return this; }
  unref() { binding.ref(this, false); return this; }
  hasRef() { return binding.hasRef(this); }

  addEventListener(type, listener, options) {
    ensure(this);
    const before = messageListenerCount(this);
    Reflect.apply(EventTarget.prototype.addEventListener, this, arguments);
    if (type === 'message') onMessageListenersChanged(this, before);
  }

  removeEventListener(type, listener, options) {
    ensure(this);
    const before = messageListenerCount(this);
    Reflect.apply(EventTarget.prototype.removeEventListener, this, arguments);
    if (type === 'message') onMessageListenersChanged(this, before);
  }

  dispatchEvent(event) {
    ensure(this);
    return Reflect.apply(EventTarget.prototype.dispatchEvent, this, arguments);
  }

  [inspect.custom](depth, options) {
    ensure(this);
    return `MessagePort ${inspect({ active: binding.isPort(this) && !this[kClosed], refed: this.hasRef() },
      { ...options, depth: 0 })}`;
  }
}
Object.assign(MessagePort.prototype, nodeStyle);
defineHandler(MessagePort.prototype, 'message');
defineHandler(MessagePort.prototype, 'messageerror');

class MessageChannel {
  constructor() {
    const [port1, port2] = binding.createChannel();
    this.port1 = port1;
    this.port2 = port2;
  }
}

class BroadcastChannel extends EventTarget {
  constructor(name) {
    if (arguments.length === 0) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_MISSING_ARGS('name');
    }
    // The object is made in C (a native port); `super()` is not called.
    const self = binding.broadcastChannel(`${name}`);
    ensure(self);
    Object.defineProperty(self, kName, { value: `${name}` });
    binding.start(self);
    binding.ref(self, true);
    return self;
  }

  get name() {
    if (!binding.isPort(this) && !this[kClosed]) throw new ERR_INVALID_THIS('BroadcastChannel');
    return this[kName];
  }

  postMessage(message) {
    if (this[kClosed]) {
      const { DOMException } = require('internal/domexception');
      throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    }
    if (arguments.length === 0) throw missingArgs('BroadcastChannel.postMessage');
    binding.broadcast(this, message);
  }

  close() {
    if (this[kClosed]) return;
    Object.defineProperty(this, kClosed, { value: true });
    binding.close(this);
  }

  ref() { binding.ref(this, true); return this; }
  unref() { binding.ref(this, false); return this; }

  addEventListener(type, listener, options) {
    ensure(this);
    return Reflect.apply(EventTarget.prototype.addEventListener, this, arguments);
  }
  removeEventListener(type, listener, options) {
    ensure(this);
    return Reflect.apply(EventTarget.prototype.removeEventListener, this, arguments);
  }
  dispatchEvent(event) {
    ensure(this);
    return Reflect.apply(EventTarget.prototype.dispatchEvent, this, arguments);
  }

  [inspect.custom](depth, options) {
    if (depth < 0) return 'BroadcastChannel';
    return `BroadcastChannel ${inspect({ name: this[kName], active: !this[kClosed] },
      { ...options, depth: 0 })}`;
  }
}
defineHandler(BroadcastChannel.prototype, 'message');
defineHandler(BroadcastChannel.prototype, 'messageerror');

// C calls dispatch(port, kind, value, ports): 0 message, 1 messageerror, 2 close.
function dispatch(port, kind, value, ports) {
  ensure(port);
  if (kind === 0 && ports === undefined && onlyNodeListeners(port)) {
    // Every listener is EventEmitter-style (on/once): they get the data, so
    // no MessageEvent is needed.  Same order, same error handling.
    const list = port[kEvents].get('message');
    if (list.length === 1) {
      callNode(port, list[0], value);
    } else {
      for (const rec of list.slice()) if (!rec.removed) callNode(port, rec, value);
    }
    return;
  }
  if (kind === 0) {
    port.dispatchEvent(new MessageEvent('message', { data: value, ports }));
  } else if (kind === 1) {
    port.dispatchEvent(new MessageEvent('messageerror', { data: value }));
  } else if (!port[kClosed]) {
    Object.defineProperty(port, kClosed, { value: true });
    port.dispatchEvent(new Event('close'));
  }
}

function onlyNodeListeners(port) {
  const list = port[kEvents].get('message');
  if (list === undefined) return false;
  for (let i = 0; i < list.length; i++) {
    if (typeof list[i].listener !== 'function' || list[i].listener[kNodeFn] === undefined) return false;
  }
  return true;
}

function callNode(port, rec, value) {
  try {
    Reflect.apply(rec.listener[kNodeFn], port, [value]);
  } catch (err) {
    process.nextTick(() => { throw err; });
  }
}

binding.setup(MessagePort.prototype, BroadcastChannel.prototype, dispatch);

function receiveMessageOnPort(port) {
  if (!binding.isPort(port)) {
    const e = new TypeError('The "port" argument must be a MessagePort instance');
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  const r = binding.receiveMessageOnPort(port);
  return r === undefined ? undefined : { message: r[0] };
}

function moveMessagePortToContext() {
  const { codes } = require('internal/errors');
  throw new codes.ERR_METHOD_NOT_IMPLEMENTED('moveMessagePortToContext');
}

module.exports = {
  MessagePort,
  MessageChannel,
  MessageEvent,
  BroadcastChannel,
  receiveMessageOnPort,
  moveMessagePortToContext,
};
