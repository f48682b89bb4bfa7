'use strict';
// internal/streams/web_adapters — Readable.toWeb/fromWeb,
// Writable.toWeb/fromWeb and Duplex.toWeb/fromWeb: wrap a Node stream as a
// web stream and back, passing backpressure (pause/resume, writer.ready /
// 'drain') and errors/destroy (cancel/abort) across.

const { ReadableStream, WritableStream, CountQueuingStrategy, ByteLengthQueuingStrategy } =
  require('internal/streams/web');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_STREAM_PREMATURE_CLOSE } } = require('internal/errors');
const { validateObject } = require('internal/validators');
const eos = require('internal/streams/end-of-stream');

function newReadableStreamFromStreamReadable(streamReadable, options = {}) {
  if (!streamReadable || typeof streamReadable.read !== 'function' || !streamReadable._readableState) {
    throw new ERR_INVALID_ARG_TYPE('streamReadable', 'stream.Readable', streamReadable);
  }
  validateObject(options, 'options');
  const objectMode = streamReadable.readableObjectMode;
  const hwm = streamReadable.readableHighWaterMark;
  const strategy = options.strategy ||
    (objectMode ? new CountQueuingStrategy({ highWaterMark: hwm }) :
      new ByteLengthQueuingStrategy({ highWaterMark: hwm }));

  let controller;
  function onData(chunk) {
    // Copy Buffers out of a pooled slab.
    if (!objectMode && chunk instanceof Uint8Array && !(chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength)) {
      chunk = new Uint8Array(chunk);
    }
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) streamReadable.pause();
  }
  const cleanup = eos(streamReadable, (error) => {
    if (error && error.code === 'ERR_STREAM_PREMATURE_CLOSE') {
      const err = new ERR_STREAM_PREMATURE_CLOSE();
      err.cause = error;
      error = err;
    }
    cleanup();
    streamReadable.on('error', () => {});
    if (error) return controller.error(error);
    controller.close();
  });
  streamReadable.on('data', onData);

  return new ReadableStream({
    start(c) {
      controller = c;
    },
    pull() {
      streamReadable.resume();
    },
    cancel(reason) {
      streamReadable.destroy(reason);
    },
  }, strategy);
}

function newStreamReadableFromReadableStream(readableStream, options = {}) {
  if (!(readableStream instanceof ReadableStream) && !(readableStream && typeof readableStream.getReader === 'function')) {
    throw new ERR_INVALID_ARG_TYPE('readableStream', 'ReadableStream', readableStream);
  }
  validateObject(options, 'options');
  const Readable = require('internal/streams/readable');
  const { highWaterMark, encoding, objectMode = false, signal } = options;
  const reader = readableStream.getReader();
  let closed = false;
  const readable = new Readable({
    objectMode,
    highWaterMark,
    encoding,
    signal,
    read() {
      reader.read().then((chunk) => {
        if (chunk.done) readable.push(null);
        else readable.push(chunk.value);
      }, (error) => readable.destroy(error));
    },
    destroy(error, callback) {
      function done() {
        try {
          callback(error);
        } catch (err) {
          process.nextTick(() => { throw err; });
        }
      }
      if (!closed) {
        reader.cancel(error).then(done, done);
        return;
      }
      done();
    },
  });
  reader.closed.then(() => {
    closed = true;
  }, (error) => {
    closed = true;
    readable.destroy(error);
  });
  return readable;
}

function newWritableStreamFromStreamWritable(streamWritable) {
  if (!streamWritable || typeof streamWritable.write !== 'function' || !streamWritable._writableState) {
    throw new ERR_INVALID_ARG_TYPE('streamWritable', 'stream.Writable', streamWritable);
  }
  const hwm = streamWritable.writableHighWaterMark;
  const strategy = streamWritable.writableObjectMode ?
    new CountQueuingStrategy({ highWaterMark: hwm }) :
    { highWaterMark: hwm, size: (chunk) => (chunk && chunk.byteLength !== undefined ? chunk.byteLength : 1) };

  let controller;
  let backpressurePromise;
  let closed;
  function onDrain() {
    if (backpressurePromise !== undefined) backpressurePromise.resolve();
  }
  const cleanup = eos(streamWritable, (error) => {
    if (error && error.code === 'ERR_STREAM_PREMATURE_CLOSE') {
      const err = new ERR_STREAM_PREMATURE_CLOSE();
      err.cause = error;
      error = err;
    }
    cleanup();
    streamWritable.on('error', () => {});
    if (error != null) {
      if (backpressurePromise !== undefined) backpressurePromise.reject(error);
      if (closed !== undefined) {
        closed.reject(error);
        closed = undefined;
      }
      controller.error(error);
      controller = undefined;
      return;
    }
    if (closed !== undefined) {
      closed.resolve();
      closed = undefined;
      return;
    }
    controller.error(new (require('internal/errors').AbortError)());
    controller = undefined;
  });
  streamWritable.on('drain', onDrain);

  return new WritableStream({
    start(c) {
      controller = c;
    },
    write(chunk) {
      if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
        backpressurePromise = deferred();
        return backpressurePromise.promise.finally(() => {
          backpressurePromise = undefined;
        });
      }
    },
    abort(reason) {
      streamWritable.destroy(reason);
    },
    close() {
      if (closed === undefined && !streamWritable.writableFinished) {
        closed = deferred();
        streamWritable.end();
        return closed.promise;
      }
      controller = undefined;
      return Promise.resolve();
    },
  }, strategy);
}

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function newStreamWritableFromWritableStream(writableStream, options = {}) {
  if (!(writableStream instanceof WritableStream) && !(writableStream && typeof writableStream.getWriter === 'function')) {
    throw new ERR_INVALID_ARG_TYPE('writableStream', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const Writable = require('internal/streams/writable');
  const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options;
  const writer = writableStream.getWriter();
  let closed = false;
  const writable = new Writable({
    highWaterMark,
    objectMode,
    decodeStrings,
    signal,
    writev(chunks, callback) {
      writer.ready.then(() => Promise.all(chunks.map((data) => writer.write(data.chunk))))
        .then(() => callback(), callback);
    },
    write(chunk, encoding, callback) {
      if (typeof chunk === 'string' && decodeStrings && !objectMode) {
        chunk = require('buffer').Buffer.from(chunk, encoding);
        chunk = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      }
      writer.ready.then(() => writer.write(chunk)).then(() => callback(), callback);
    },
    destroy(error, callback) {
      function done() {
        try {
          callback(error);
        } catch (err) {
          process.nextTick(() => { throw err; });
        }
      }
      if (!closed) {
        if (error != null) writer.abort(error).then(done, done);
        else writer.close().then(done, done);
        return;
      }
      done();
    },
    final(callback) {
      writer.ready.then(() => writer.close()).then(() => callback(), callback);
    },
  });
  writer.closed.then(() => {
    closed = true;
    if (!writable.writableEnded) writable.destroy(new ERR_STREAM_PREMATURE_CLOSE());
  }, (error) => {
    closed = true;
    writable.destroy(error);
  });
  return writable;
}

function newReadableWritablePairFromDuplex(duplex) {
  return {
    readable: newReadableStreamFromStreamReadable(duplex),
    writable: newWritableStreamFromStreamWritable(duplex),
  };
}

function newStreamDuplexFromReadableWritablePair(pair = {}, options = {}) {
  validateObject(pair, 'pair');
  const Duplex = require('internal/streams/duplex');
  return Duplex.from({
    readable: newStreamReadableFromReadableStream(pair.readable, options),
    writable: newStreamWritableFromWritableStream(pair.writable, options),
  });
}

module.exports = {
  newReadableStreamFromStreamReadable,
  newStreamReadableFromReadableStream,
  newWritableStreamFromStreamWritable,
  newStreamWritableFromWritableStream,
  newReadableWritablePairFromDuplex,
  newStreamDuplexFromReadableWritablePair,
};
