'use strict';
// internal/streams/operators — the (experimental in Node 20) Readable
// helpers: map, filter, flatMap, take, drop, asIndexedPairs return new
// streams; forEach, toArray, some, every, find, reduce return promises.
// Each consumes the stream through its async iterator; `concurrency` is
// accepted and validated but values are processed one at a time, in order.

const { AbortError, codes: { ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS } } =
  require('internal/errors');
const { validateAbortSignal, validateInteger, validateObject, validateFunction } =
  require('internal/validators');

const kEmpty = Symbol('kEmpty');

function checkOptions(options) {
  if (options != null) validateObject(options, 'options');
  if (options && options.signal != null) validateAbortSignal(options.signal, 'options.signal');
  if (options && options.concurrency != null) validateInteger(options.concurrency, 'options.concurrency', 1);
}

function throwIfAborted(options) {
  if (options && options.signal && options.signal.aborted) {
    throw new AbortError(undefined, { cause: options.signal.reason });
  }
}

function toIntegerOrInfinity(n) {
  n = Number(n);
  if (Number.isNaN(n)) return 0;
  if (n < 0) throw new ERR_OUT_OF_RANGE_('number', '>= 0', n);
  return n === Infinity ? n : Math.trunc(n);
}

function ERR_OUT_OF_RANGE_(name, range, value) {
  const { codes } = require('internal/errors');
  return new codes.ERR_OUT_OF_RANGE(name, range, value);
}

function mapOptions(options) {
  if (options != null) validateObject(options, 'options');
  if (options && options.signal != null) validateAbortSignal(options.signal, 'options.signal');
  let concurrency = 1;
  if (options && options.concurrency != null) concurrency = Math.floor(options.concurrency);
  let highWaterMark = concurrency - 1;
  if (options && options.highWaterMark != null) highWaterMark = Math.floor(options.highWaterMark);
  validateInteger(concurrency, 'options.concurrency', 1);
  validateInteger(highWaterMark, 'options.highWaterMark', 0);
  return { concurrency, limit: highWaterMark + concurrency };
}

// map(fn, { concurrency, highWaterMark, signal }): fn runs on up to
// `concurrency` values at once as the source produces them; results are
// yielded in source order, and at most concurrency + highWaterMark values
// are taken ahead of the consumer.
function map(fn, options) {
  if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'AsyncFunction'], fn);
  const { concurrency, limit } = mapOptions(options);
  const stream = this;
  return async function* mapped() {
    const ac = new AbortController();
    const signal = ac.signal;
    const signalOpt = { signal };
    const outer = options && options.signal;
    const abort = () => ac.abort();
    if (outer && outer.aborted) abort();
    else if (outer) outer.addEventListener('abort', abort);

    const queue = [];
    let running = 0;
    let done = false;
    let wakeConsumer = null;
    let wakePump = null;
    const kEof = Symbol('kEof');

    function notifyConsumer() {
      if (wakeConsumer) {
        const w = wakeConsumer;
        wakeConsumer = null;
        w();
      }
    }
    function notifyPump() {
      if (wakePump) {
        const w = wakePump;
        wakePump = null;
        w();
      }
    }
    function settled() {
      running--;
      notifyPump();
    }

    async function pump() {
      try {
        for await (let val of stream) {
          if (done) return;
          if (signal.aborted) throw new AbortError();
          try {
            val = fn(val, signalOpt);
          } catch (err) {
            val = Promise.reject(err);
          }
          if (val === kEmpty) continue;
          val = Promise.resolve(val);
          running++;
          val.then(settled, settled);
          queue.push(val);
          notifyConsumer();
          while (!done && (running >= concurrency || queue.length >= limit)) {
            await new Promise((resolve) => { wakePump = resolve; });
          }
        }
        queue.push(kEof);
      } catch (err) {
        const p = Promise.reject(err);
        p.catch(() => {});
        queue.push(p);
      } finally {
        done = true;
        notifyConsumer();
        if (outer) outer.removeEventListener('abort', abort);
      }
    }

    pump();
    try {
      while (true) {
        while (queue.length > 0) {
          const val = await queue[0];
          if (val === kEof) return;
          if (signal.aborted) throw new AbortError();
          if (val !== kEmpty) yield val;
          queue.shift();
          notifyPump();
        }
        await new Promise((resolve) => { wakeConsumer = resolve; });
      }
    } finally {
      done = true;
      notifyPump();
    }
  }();
}

function asIndexedPairs(options) {
  checkOptions(options);
  const stream = this;
  return this.constructor.from(async function* pairs() {
    let index = 0;
    for await (const val of stream) {
      throwIfAborted(options);
      yield [index++, val];
    }
  }());
}

function filter(fn, options) {
  if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'AsyncFunction'], fn);
  return map.call(this, async (value, opts) => ((await fn(value, opts)) ? value : kEmpty), options);
}

function flatMap(fn, options) {
  const values = map.call(this, fn, options);
  return this.constructor.from(async function* flat() {
    for await (const val of values) yield* val;
  }());
}

function take(number, options) {
  checkOptions(options);
  number = toIntegerOrInfinity(number);
  const stream = this;
  return this.constructor.from(async function* taken() {
    throwIfAborted(options);
    if (number <= 0) return;
    for await (const val of stream) {
      throwIfAborted(options);
      yield val;
      if (--number <= 0) return;
    }
  }());
}

function drop(number, options) {
  checkOptions(options);
  number = toIntegerOrInfinity(number);
  const stream = this;
  return this.constructor.from(async function* dropped() {
    throwIfAborted(options);
    for await (const val of stream) {
      throwIfAborted(options);
      if (number-- <= 0) yield val;
    }
  }());
}

async function forEach(fn, options) {
  if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'AsyncFunction'], fn);
  async function forEachFn(value, opts) {
    await fn(value, opts);
    return kEmpty;
  }
  // eslint-disable-next-line no-unused-vars
  for await (const unused of map.call(this, forEachFn, options));
}

async function toArray(options) {
  checkOptions(options);
  const result = [];
  for await (const val of this) {
    throwIfAborted(options);
    result.push(val);
  }
  return result;
}

async function some(fn, options) {
  for await (const unused of filter.call(this, fn, options)) { // eslint-disable-line no-unused-vars
    return true;
  }
  return false;
}

async function every(fn, options) {
  if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'AsyncFunction'], fn);
  return !(await some.call(this, async (...args) => !(await fn(...args)), options));
}

async function find(fn, options) {
  for await (const result of filter.call(this, fn, options)) return result;
  return undefined;
}

function reduceEmptyError() {
  const err = new ERR_MISSING_ARGS('reduce');
  err.message = 'Reduce of an empty stream requires an initial value';
  return err;
}

async function reduce(reducer, initialValue, options) {
  if (typeof reducer !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('reducer', ['Function', 'AsyncFunction'], reducer);
  }
  checkOptions(options);
  let hasInitialValue = arguments.length > 1;
  let acc = initialValue;
  for await (const value of this) {
    throwIfAborted(options);
    if (!hasInitialValue) {
      acc = value;
      hasInitialValue = true;
    } else {
      acc = await reducer(acc, value, { signal: options && options.signal });
    }
  }
  if (!hasInitialValue) throw reduceEmptyError();
  return acc;
}

module.exports = {
  streamReturningOperators: { asIndexedPairs, drop, filter, flatMap, map, take },
  promiseReturningOperators: { every, forEach, reduce, toArray, some, find },
};
