'use strict';
// diagnostics_channel — named channels for publishing diagnostic messages
// (Channel, channel(), subscribe/unsubscribe, hasSubscribers,
// TracingChannel with traceSync/tracePromise/traceCallback), as Node 20.

const channels = new Map();

function codes() { return require('internal/errors').codes; }

class Channel {
  constructor(name) {
    this.name = name;
    this._subscribers = [];
    this._stores = new Map();
  }
  get hasSubscribers() { return this._subscribers.length > 0 || this._stores.size > 0; }
  subscribe(fn) {
    if (typeof fn !== 'function') throw new (codes().ERR_INVALID_ARG_TYPE)('subscription', 'function', fn);
    this._subscribers = [...this._subscribers, fn];
  }
  unsubscribe(fn) {
    const i = this._subscribers.indexOf(fn);
    if (i === -1) return false;
    this._subscribers = this._subscribers.filter((f) => f !== fn);
    return true;
  }
  bindStore(store, transform) { this._stores.set(store, transform); }
  unbindStore(store) { return this._stores.delete(store); }
  publish(data) {
    for (const fn of this._subscribers) {
      try { fn(data, this.name); } catch (err) { process.nextTick(() => { throw err; }); }
    }
  }
  runStores(data, fn, thisArg, ...args) {
    let run = () => {
      this.publish(data);
      return Reflect.apply(fn, thisArg, args);
    };
    for (const [store, transform] of this._stores) {
      const next = run;
      const value = transform ? transform(data) : data;
      run = () => store.run(value, next);
    }
    return run();
  }
}

function channel(name) {
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    throw new (codes().ERR_INVALID_ARG_TYPE)('channel', ['string', 'symbol'], name);
  }
  let c = channels.get(name);
  if (!c) { c = new Channel(name); channels.set(name, c); }
  return c;
}

function hasSubscribers(name) {
  const c = channels.get(name);
  return c ? c.hasSubscribers : false;
}

function subscribe(name, fn) { channel(name).subscribe(fn); }
function unsubscribe(name, fn) { return channel(name).unsubscribe(fn); }

const traceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

class TracingChannel {
  constructor(nameOrChannels) {
    for (const ev of traceEvents) {
      this[ev] = typeof nameOrChannels === 'string'
        ? channel(`tracing:${nameOrChannels}:${ev}`) : nameOrChannels[ev];
    }
  }
  get hasSubscribers() { return traceEvents.some((ev) => this[ev].hasSubscribers); }
  subscribe(handlers) { for (const ev of traceEvents) if (handlers[ev]) this[ev].subscribe(handlers[ev]); }
  unsubscribe(handlers) {
    let done = true;
    for (const ev of traceEvents) if (handlers[ev] && !this[ev].unsubscribe(handlers[ev])) done = false;
    return done;
  }
  traceSync(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    return this.start.runStores(context, () => {
      try {
        const result = Reflect.apply(fn, thisArg, args);
        context.result = result;
        return result;
      } catch (err) {
        context.error = err;
        this.error.publish(context);
        throw err;
      } finally {
        this.end.publish(context);
      }
    });
  }
  tracePromise(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const reject = (err) => {
      context.error = err;
      this.error.publish(context);
      this.asyncStart.publish(context);
      this.asyncEnd.publish(context);
      return Promise.reject(err);
    };
    const resolve = (result) => {
      context.result = result;
      this.asyncStart.publish(context);
      this.asyncEnd.publish(context);
      return result;
    };
    return this.start.runStores(context, () => {
      try {
        let promise = Reflect.apply(fn, thisArg, args);
        if (!(promise instanceof Promise)) promise = Promise.resolve(promise);
        return promise.then(resolve, reject);
      } catch (err) {
        context.error = err;
        this.error.publish(context);
        throw err;
      } finally {
        this.end.publish(context);
      }
    });
  }
  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const callback = args.at(position);
    if (typeof callback !== 'function') throw new (codes().ERR_INVALID_ARG_TYPE)('callback', 'function', callback);
    const self = this;
    function wrapped(err, res) {
      if (err) { context.error = err; self.error.publish(context); } else context.result = res;
      self.asyncStart.runStores(context, () => {
        try { return Reflect.apply(callback, this, arguments); } finally { self.asyncEnd.publish(context); }
      });
    }
    args.splice(position, 1, wrapped);
    return this.start.runStores(context, () => {
      try { return Reflect.apply(fn, thisArg, args); } catch (err) {
        context.error = err;
        this.error.publish(context);
        throw err;
      } finally {
        this.end.publish(context);
      }
    });
  }
}

function tracingChannel(nameOrChannels) { return new TracingChannel(nameOrChannels); }

module.exports = { channel, hasSubscribers, subscribe, unsubscribe, tracingChannel, Channel };
