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

function map(fn, options) {
  if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'AsyncFunction'], fn);
  checkOptions(options);
  const stream = this;
  return this.constructor.from(async function* mapped() {
    for await (const val of stream.iterator({ destroyOnReturn: true })) {
      throwIfAborted(options);
      const res = await fn(val, { signal: options && options.signal });
      if (res === kEmpty) continue;
      yield res;
    }
  }());
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
  checkOptions(options);
  for await (const val of this) {
    throwIfAborted(options);
    await fn(val, { signal: options && options.signal });
  }
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
  validateFunction(fn, 'fn');
  checkOptions(options);
  for await (const val of this) {
    if (await fn(val, { signal: options && options.signal })) return true;
  }
  return false;
}

async function every(fn, options) {
  if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'AsyncFunction'], fn);
  return !(await some.call(this, async (...args) => !(await fn(...args)), options));
}

async function find(fn, options) {
  validateFunction(fn, 'fn');
  checkOptions(options);
  for await (const val of this) {
    if (await fn(val, { signal: options && options.signal })) return val;
  }
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
