'use strict';
// stream — Node's stream module for devrun-js.  The module itself is the
// legacy Stream class, with Readable, Writable, Duplex, Transform,
// PassThrough, pipeline, finished, compose, addAbortSignal, the
// highWaterMark defaults, state predicates and `promises` as properties.
// The implementation lives in internal/streams/ (see docs/runtime-streams.md).

const { Stream } = require('internal/streams/legacy');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const Duplex = require('internal/streams/duplex');
const Transform = require('internal/streams/transform');
const PassThrough = require('internal/streams/passthrough');
const eos = require('internal/streams/end-of-stream');
const { pipeline } = require('internal/streams/pipeline');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
const { destroyer } = require('internal/streams/destroy');
const { getDefaultHighWaterMark, setDefaultHighWaterMark } = require('internal/streams/state');
const utils = require('internal/streams/utils');
const operators = require('internal/streams/operators');
const { codes: { ERR_ILLEGAL_CONSTRUCTOR } } = require('internal/errors');

let promisesModule;

Stream.isDestroyed = utils.isDestroyed;
Stream.isDisturbed = utils.isDisturbed;
Stream.isErrored = utils.isErrored;
Stream.isReadable = utils.isReadable;
Stream.isWritable = utils.isWritable;
Stream.Readable = Readable;

for (const key of Object.keys(operators.streamReturningOperators)) {
  const op = operators.streamReturningOperators[key];
  function fn(...args) {
    if (new.target) throw new ERR_ILLEGAL_CONSTRUCTOR();
    return Readable.from(Reflect.apply(op, this, args));
  }
  Object.defineProperty(fn, 'name', { value: op.name });
  Object.defineProperty(fn, 'length', { value: op.length });
  // asIndexedPairs warns once, as in Node 20.
  const value = key === 'asIndexedPairs' ?
    require('internal/util').deprecate(fn, 'readable.asIndexedPairs will be removed in a future version.') : fn;
  Object.defineProperty(Readable.prototype, key, {
    __proto__: null, value, enumerable: false, configurable: true, writable: true,
  });
}
for (const key of Object.keys(operators.promiseReturningOperators)) {
  const op = operators.promiseReturningOperators[key];
  function fn(...args) {
    if (new.target) throw new ERR_ILLEGAL_CONSTRUCTOR();
    return Reflect.apply(op, this, args);
  }
  Object.defineProperty(fn, 'name', { value: op.name });
  Object.defineProperty(fn, 'length', { value: op.length });
  Object.defineProperty(Readable.prototype, key, {
    __proto__: null, value: fn, enumerable: false, configurable: true, writable: true,
  });
}

// readable.compose(stream[, { signal }]): compose(this, stream).
Object.defineProperty(Readable.prototype, 'compose', {
  __proto__: null,
  enumerable: false,
  configurable: true,
  writable: true,
  value: function compose(stream, options) {
    if (options != null) require('internal/validators').validateObject(options, 'options');
    if (options && options.signal != null) {
      require('internal/validators').validateAbortSignal(options.signal, 'options.signal');
    }
    const composed = require('internal/streams/compose')(this, stream);
    if (options && options.signal) {
      require('internal/streams/add-abort-signal').addAbortSignalNoValidate(options.signal, composed);
    }
    return composed;
  },
});

Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.pipeline = pipeline;
Stream.addAbortSignal = addAbortSignal;
Stream.finished = eos;
Stream.destroy = destroyer;
Stream.compose = function compose(...streams) {
  return require('internal/streams/compose')(...streams);
};
Stream.duplexPair = function duplexPair(options) {
  return require('internal/streams/duplexpair')(options);
};
Stream.setDefaultHighWaterMark = setDefaultHighWaterMark;
Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;

Object.defineProperty(Stream, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    if (promisesModule === undefined) promisesModule = require('stream/promises');
    return promisesModule;
  },
});

// util.promisify(stream.pipeline / stream.finished) give the promise forms.
const customPromisify = Symbol.for('nodejs.util.promisify.custom');
Object.defineProperty(pipeline, customPromisify, {
  __proto__: null,
  enumerable: true,
  get() { return Stream.promises.pipeline; },
});
Object.defineProperty(eos, customPromisify, {
  __proto__: null,
  enumerable: true,
  get() { return Stream.promises.finished; },
});

// Backwards-compatibility with the old stream module.
Stream.Stream = Stream;

Stream._isUint8Array = (v) => v instanceof Uint8Array;
Stream._uint8ArrayToBuffer = function _uint8ArrayToBuffer(chunk) {
  let Buf;
  try {
    Buf = require('buffer').Buffer;
  } catch {
    Buf = globalThis.Buffer;
  }
  return Buf.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
};
Stream._isArrayBufferView = ArrayBuffer.isView;

module.exports = Stream;
