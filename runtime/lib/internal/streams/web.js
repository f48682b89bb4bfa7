'use strict';
// internal/streams/web — WHATWG streams for stream/web: ReadableStream
// (default and byte sources, default and BYOB readers, async iteration,
// tee, pipeTo/pipeThrough, from), WritableStream (default writers),
// TransformStream, the two queuing strategies, and
// TextEncoderStream/TextDecoderStream.
//
// The structure follows the Streams Standard's abstract operations
// (controller queue with sizes, desiredSize, pull on demand, backpressure
// through writer.ready, erroring -> errored, pull-into descriptors for byte
// streams), with promises resolved in the order the standard gives.

const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE, ERR_ILLEGAL_CONSTRUCTOR },
} = require('internal/errors');

const {
  kIsClosedPromise,
  kControllerErrorFunction,
  kIsDisturbed,
  kIsErrored,
  kIsReadable,
} = require('internal/streams/utils');

const kState = Symbol('kState');
const kIllegal = Symbol('kIllegal');

function isObj(v) {
  return v !== null && (typeof v === 'object' || typeof v === 'function');
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

function handled(p) {
  p.catch(() => {});
  return p;
}

function invalidState(msg) {
  return new ERR_INVALID_STATE.TypeError(msg);
}

function extractHighWaterMark(strategy, def) {
  if (strategy === undefined || strategy.highWaterMark === undefined) return def;
  const hwm = Number(strategy.highWaterMark);
  if (Number.isNaN(hwm) || hwm < 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.highWaterMark', strategy.highWaterMark);
  }
  return hwm;
}

function extractSize(strategy) {
  if (strategy === undefined || strategy.size === undefined) return () => 1;
  if (typeof strategy.size !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('strategy.size', 'Function', strategy.size);
  }
  const size = strategy.size;
  return (chunk) => size(chunk);
}

function callMethod(obj, name, args, thisArg) {
  const fn = obj[name];
  if (fn === undefined) return undefined;
  if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE(`source.${name}`, 'Function', fn);
  return Reflect.apply(fn, thisArg, args);
}

function promiseCall(obj, name, args, thisArg) {
  try {
    return Promise.resolve(callMethod(obj, name, args, thisArg));
  } catch (err) {
    return Promise.reject(err);
  }
}

// ---------------------------------------------------------------- queuing

class ByteLengthQueuingStrategy {
  #hwm;
  constructor(init) {
    if (!isObj(init)) throw new ERR_INVALID_ARG_TYPE('init', 'Object', init);
    if (init.highWaterMark === undefined) throw new ERR_INVALID_ARG_VALUE('init.highWaterMark', undefined);
    this.#hwm = Number(init.highWaterMark);
  }
  get highWaterMark() { return this.#hwm; }
  get size() { return (chunk) => chunk.byteLength; }
}

class CountQueuingStrategy {
  #hwm;
  constructor(init) {
    if (!isObj(init)) throw new ERR_INVALID_ARG_TYPE('init', 'Object', init);
    if (init.highWaterMark === undefined) throw new ERR_INVALID_ARG_VALUE('init.highWaterMark', undefined);
    this.#hwm = Number(init.highWaterMark);
  }
  get highWaterMark() { return this.#hwm; }
  get size() { return () => 1; }
}

// ---------------------------------------------------------------- readable

class ReadableStreamDefaultController {
  constructor(key) {
    if (key !== kIllegal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kState] = null;
  }
  get desiredSize() {
    return readableDesiredSize(this[kState]);
  }
  enqueue(chunk) {
    const c = this[kState];
    if (!canCloseOrEnqueue(c)) throw invalidState('Controller is already closed');
    readableEnqueue(c, chunk);
  }
  close() {
    const c = this[kState];
    if (!canCloseOrEnqueue(c)) throw invalidState('Controller is already closed');
    readableClose(c);
  }
  error(e) {
    readableControllerError(this[kState], e);
  }
}

function readableDesiredSize(c) {
  const state = c.stream[kState].state;
  if (state === 'errored') return null;
  if (state === 'closed') return 0;
  return c.hwm - c.queueTotalSize;
}

function canCloseOrEnqueue(c) {
  return !c.closeRequested && c.stream[kState].state === 'readable';
}

function readableEnqueue(c, chunk) {
  const s = c.stream[kState];
  if (s.reader && s.reader[kState].readRequests.length > 0) {
    s.reader[kState].readRequests.shift().resolve({ value: chunk, done: false });
  } else {
    let size;
    try {
      size = c.size(chunk);
      if (typeof size !== 'number' || Number.isNaN(size) || size < 0 || size === Infinity) {
        throw new ERR_INVALID_ARG_VALUE.RangeError('size', size);
      }
    } catch (err) {
      readableControllerError(c, err);
      throw err;
    }
    c.queue.push({ value: chunk, size });
    c.queueTotalSize += size;
  }
  callPullIfNeeded(c);
}

function readableClose(c) {
  c.closeRequested = true;
  if (c.queue.length === 0) {
    clearAlgorithms(c);
    readableStreamClose(c.stream);
  }
}

function readableControllerError(c, e) {
  const s = c.stream[kState];
  if (s.state !== 'readable') return;
  c.queue = [];
  c.queueTotalSize = 0;
  if (c.byte) clearPendingPullIntos(c);
  clearAlgorithms(c);
  readableStreamError(c.stream, e);
}

function clearAlgorithms(c) {
  c.pull = null;
  c.cancel = null;
  c.size = null;
}

function shouldCallPull(c) {
  if (!canCloseOrEnqueue(c) || !c.started) return false;
  const s = c.stream[kState];
  if (s.reader && s.reader[kState].readRequests.length > 0) return true;
  return readableDesiredSize(c) > 0;
}

function callPullIfNeeded(c) {
  if (!shouldCallPull(c)) return;
  if (c.pulling) {
    c.pullAgain = true;
    return;
  }
  c.pulling = true;
  c.pull().then(() => {
    c.pulling = false;
    if (c.pullAgain) {
      c.pullAgain = false;
      callPullIfNeeded(c);
    }
  }, (e) => readableControllerError(c, e));
}

function readableStreamClose(stream) {
  const s = stream[kState];
  s.state = 'closed';
  s.closedPromise.resolve();
  const reader = s.reader;
  if (!reader) return;
  const r = reader[kState];
  // A BYOB reader's pending reads finish through byobRequest.respond(0).
  if (!r.byob) {
    for (const req of r.readRequests.splice(0)) req.resolve({ value: undefined, done: true });
  }
  r.closed.resolve();
}

function readableStreamError(stream, e) {
  const s = stream[kState];
  s.state = 'errored';
  s.storedError = e;
  s.closedPromise.reject(e);
  const reader = s.reader;
  if (!reader) return;
  const r = reader[kState];
  r.closed.reject(e);
  handled(r.closed.promise);
  for (const req of r.readRequests.splice(0)) req.reject(e);
}

function readableStreamCancel(stream, reason) {
  const s = stream[kState];
  s.disturbed = true;
  if (s.state === 'closed') return Promise.resolve();
  if (s.state === 'errored') return Promise.reject(s.storedError);
  readableStreamClose(stream);
  const reader = s.reader;
  if (reader && reader[kState].byob) {
    for (const req of reader[kState].readRequests.splice(0)) req.resolve({ value: undefined, done: true });
  }
  const c = s.controller;
  c.queue = [];
  c.queueTotalSize = 0;
  if (c.byte) clearPendingPullIntos(c);
  const cancel = c.cancel;
  clearAlgorithms(c);
  return (cancel ? cancel(reason) : Promise.resolve()).then(() => undefined);
}

function setupDefaultController(stream, source, hwm, size) {
  const controller = new ReadableStreamDefaultController(kIllegal);
  const c = {
    stream,
    queue: [],
    queueTotalSize: 0,
    started: false,
    closeRequested: false,
    pullAgain: false,
    pulling: false,
    hwm,
    size,
    pull: () => promiseCall(source, 'pull', [controller], source),
    cancel: (reason) => promiseCall(source, 'cancel', [reason], source),
  };
  controller[kState] = c;
  stream[kState].controller = c;
  stream[kState].controllerObject = controller;
  const startResult = callMethod(source, 'start', [controller], source);
  Promise.resolve(startResult).then(() => {
    c.started = true;
    callPullIfNeeded(c);
  }, (e) => readableControllerError(c, e));
}

class ReadableStream {
  constructor(source = {}, strategy = {}) {
    if (source === null) source = {};
    if (!isObj(source)) throw new ERR_INVALID_ARG_TYPE('source', 'Object', source);
    if (strategy === null || strategy === undefined) strategy = {};
    this[kState] = {
      state: 'readable',
      reader: undefined,
      storedError: undefined,
      disturbed: false,
      controller: null,
      // Settles when the stream closes or errors (for stream.finished()).
      closedPromise: deferred(),
    };
    handled(this[kState].closedPromise.promise);
    const hwm = extractHighWaterMark(strategy, 1);
    const size = extractSize(strategy);
    if (source.type !== undefined && `${source.type}` !== 'bytes') {
      throw new ERR_INVALID_ARG_VALUE('source.type', source.type);
    }
    if (`${source.type}` === 'bytes') {
      if (strategy.size !== undefined) {
        throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.size', strategy.size);
      }
      setupByteController(this, source, extractHighWaterMark(strategy, 0));
    } else {
      setupDefaultController(this, source, hwm, size);
    }
  }

  get locked() {
    return this[kState].reader !== undefined;
  }

  cancel(reason) {
    if (this.locked) return Promise.reject(invalidState('ReadableStream is locked'));
    return readableStreamCancel(this, reason);
  }

  getReader(options = {}) {
    if (options && options.mode !== undefined) {
      if (`${options.mode}` === 'byob') return new ReadableStreamBYOBReader(this);
      throw new ERR_INVALID_ARG_VALUE('options.mode', options.mode);
    }
    return new ReadableStreamDefaultReader(this);
  }

  pipeThrough(transform, options = {}) {
    if (!isObj(transform) || !(transform.readable instanceof ReadableStream)) {
      throw new ERR_INVALID_ARG_TYPE('transform.readable', 'ReadableStream', transform && transform.readable);
    }
    if (!(transform.writable instanceof WritableStream)) {
      throw new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', transform.writable);
    }
    if (this.locked) throw invalidState('The ReadableStream is locked');
    if (transform.writable.locked) throw invalidState('The WritableStream is locked');
    handled(pipeTo(this, transform.writable, options));
    return transform.readable;
  }

  pipeTo(destination, options = {}) {
    if (!(destination instanceof WritableStream)) {
      return Promise.reject(new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', destination));
    }
    if (this.locked) return Promise.reject(invalidState('The ReadableStream is locked'));
    if (destination.locked) return Promise.reject(invalidState('The WritableStream is locked'));
    return pipeTo(this, destination, options);
  }

  tee() {
    return tee(this);
  }

  values(options = {}) {
    const preventCancel = !!(options && options.preventCancel);
    const reader = this.getReader();
    let done = false;
    const iter = {
      next() {
        if (done) return Promise.resolve({ value: undefined, done: true });
        return reader.read().then((result) => {
          if (result.done) {
            done = true;
            reader.releaseLock();
          }
          return result;
        }, (err) => {
          done = true;
          reader.releaseLock();
          throw err;
        });
      },
      return(value) {
        if (done) return Promise.resolve({ value, done: true });
        done = true;
        if (!preventCancel) {
          const p = reader.cancel(value);
          reader.releaseLock();
          return p.then(() => ({ value, done: true }));
        }
        reader.releaseLock();
        return Promise.resolve({ value, done: true });
      },
      [Symbol.asyncIterator]() { return this; },
    };
    return iter;
  }

  [Symbol.asyncIterator](options) {
    return this.values(options);
  }

  static from(iterable) {
    if (iterable instanceof ReadableStream) return iterable;
    let iterator;
    if (iterable != null && typeof iterable[Symbol.asyncIterator] === 'function') {
      iterator = iterable[Symbol.asyncIterator]();
    } else if (iterable != null && typeof iterable[Symbol.iterator] === 'function') {
      const it = iterable[Symbol.iterator]();
      iterator = {
        next: () => {
          const r = it.next();
          return Promise.resolve(r.value).then((value) => ({ value, done: r.done }));
        },
        return: typeof it.return === 'function' ? (v) => Promise.resolve(it.return(v)) : undefined,
      };
    } else {
      throw new ERR_INVALID_ARG_TYPE('iterable', ['Iterable', 'AsyncIterable'], iterable);
    }
    return new ReadableStream({
      pull(controller) {
        return Promise.resolve(iterator.next()).then((result) => {
          if (!isObj(result)) throw new ERR_INVALID_STATE.TypeError('The promise returned by the iterator.next() method must fulfill with an object');
          if (result.done) controller.close();
          else controller.enqueue(result.value);
        });
      },
      cancel(reason) {
        if (typeof iterator.return !== 'function') return undefined;
        return Promise.resolve(iterator.return(reason)).then((result) => {
          if (!isObj(result)) throw new ERR_INVALID_STATE.TypeError('The promise returned by the iterator.return() method must fulfill with an object');
        });
      },
    }, { highWaterMark: 0 });
  }

  get [Symbol.toStringTag]() { return 'ReadableStream'; }

  // For stream.finished/isErrored/isDisturbed/isReadable/addAbortSignal.
  get [kIsClosedPromise]() { return this[kState].closedPromise; }
  get [kIsDisturbed]() { return this[kState].disturbed; }
  get [kIsErrored]() { return this[kState].state === 'errored'; }
  get [kIsReadable]() { return this[kState].state === 'readable'; }
  [kControllerErrorFunction](err) {
    const c = this[kState].controller;
    if (c) readableControllerError(c, err);
  }
}

class ReadableStreamDefaultReader {
  constructor(stream) {
    if (!(stream instanceof ReadableStream)) throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    if (stream.locked) throw invalidState('ReadableStream is locked');
    const s = stream[kState];
    this[kState] = { stream, readRequests: [], closed: deferred() };
    s.reader = this;
    if (s.state === 'closed') this[kState].closed.resolve();
    else if (s.state === 'errored') {
      this[kState].closed.reject(s.storedError);
      handled(this[kState].closed.promise);
    }
  }

  get closed() { return this[kState].closed.promise; }

  read() {
    const r = this[kState];
    if (!r.stream) return Promise.reject(invalidState('The reader is not attached to a stream'));
    const s = r.stream[kState];
    s.disturbed = true;
    if (s.state === 'closed') return Promise.resolve({ value: undefined, done: true });
    if (s.state === 'errored') return Promise.reject(s.storedError);
    const c = s.controller;
    if (c.byte) return bytePullSteps(c, r);
    if (c.queue.length > 0) {
      const { value, size } = c.queue.shift();
      c.queueTotalSize -= size;
      if (c.queueTotalSize < 0) c.queueTotalSize = 0;
      if (c.closeRequested && c.queue.length === 0) {
        clearAlgorithms(c);
        readableStreamClose(r.stream);
      } else {
        callPullIfNeeded(c);
      }
      return Promise.resolve({ value, done: false });
    }
    const req = deferred();
    r.readRequests.push(req);
    callPullIfNeeded(c);
    return req.promise;
  }

  releaseLock() {
    const r = this[kState];
    if (!r.stream) return;
    const s = r.stream[kState];
    const err = invalidState('Reader released');
    if (s.state === 'readable') r.closed.reject(err);
    else r.closed = { promise: Promise.reject(err), resolve() {}, reject() {} };
    handled(r.closed.promise);
    for (const req of r.readRequests.splice(0)) req.reject(err);
    s.reader = undefined;
    r.stream = undefined;
  }

  cancel(reason) {
    const r = this[kState];
    if (!r.stream) return Promise.reject(invalidState('The reader is not attached to a stream'));
    return readableStreamCancel(r.stream, reason);
  }

  get [Symbol.toStringTag]() { return 'ReadableStreamDefaultReader'; }
}

// tee() of a byte stream (the standard's ReadableByteStreamTee): branches
// are byte streams; a branch read with a BYOB reader reads the source with
// a BYOB reader into its own view (so both branches see chunks of that
// size), otherwise the source is read whole with a default reader; the
// other branch gets a copy.
function byteTee(stream) {
  let reader = stream.getReader();
  let reading = false;
  let readAgain1 = false;
  let readAgain2 = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  const cancelPromise = deferred();
  let branch1;
  let branch2;
  const ctl = (b) => b[kState].controller;

  function forwardReaderError(r) {
    r.closed.catch((e) => {
      if (r !== reader) return;
      readableControllerError(ctl(branch1), e);
      readableControllerError(ctl(branch2), e);
      if (!canceled1 || !canceled2) cancelPromise.resolve();
    });
  }
  forwardReaderError(reader);

  function closeBoth() {
    if (!canceled1 && canCloseOrEnqueue(ctl(branch1))) byteClose(ctl(branch1));
    if (!canceled2 && canCloseOrEnqueue(ctl(branch2))) byteClose(ctl(branch2));
    if (ctl(branch1).pendingPullIntos.length > 0) byteRespondInternal(ctl(branch1), 0);
    if (ctl(branch2).pendingPullIntos.length > 0) byteRespondInternal(ctl(branch2), 0);
    if (!canceled1 || !canceled2) cancelPromise.resolve();
  }

  function afterChunk() {
    reading = false;
    if (readAgain1) {
      readAgain1 = false;
      pull1();
    } else if (readAgain2) {
      readAgain2 = false;
      pull2();
    }
  }

  function pullWithDefaultReader() {
    if (reader instanceof ReadableStreamBYOBReader) {
      reader.releaseLock();
      reader = stream.getReader();
      forwardReaderError(reader);
    }
    reader.read().then(({ value, done }) => {
      if (done) {
        reading = false;
        closeBoth();
        return;
      }
      readAgain1 = false;
      readAgain2 = false;
      const chunk2 = !canceled1 && !canceled2 ? new Uint8Array(value) : value;
      if (!canceled1) byteEnqueue(ctl(branch1), value);
      if (!canceled2) byteEnqueue(ctl(branch2), chunk2);
      afterChunk();
    }, () => {
      reading = false;
    });
  }

  function pullWithBYOBReader(view, forBranch2) {
    if (!(reader instanceof ReadableStreamBYOBReader)) {
      reader.releaseLock();
      reader = new ReadableStreamBYOBReader(stream);
      forwardReaderError(reader);
    }
    const byobBranch = forBranch2 ? branch2 : branch1;
    const otherBranch = forBranch2 ? branch1 : branch2;
    reader.read(view).then(({ value, done }) => {
      const byobCanceled = forBranch2 ? canceled2 : canceled1;
      const otherCanceled = forBranch2 ? canceled1 : canceled2;
      if (done) {
        reading = false;
        if (!byobCanceled && canCloseOrEnqueue(ctl(byobBranch))) byteClose(ctl(byobBranch));
        if (!otherCanceled && canCloseOrEnqueue(ctl(otherBranch))) byteClose(ctl(otherBranch));
        if (value !== undefined) {
          if (!byobCanceled) byteRespondWithNewView(ctl(byobBranch), value);
          if (!otherCanceled && ctl(otherBranch).pendingPullIntos.length > 0) {
            byteRespondInternal(ctl(otherBranch), 0);
          }
        }
        if (!byobCanceled || !otherCanceled) cancelPromise.resolve();
        return;
      }
      readAgain1 = false;
      readAgain2 = false;
      if (!otherCanceled) {
        const cloned = new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
        if (!byobCanceled) byteRespondWithNewView(ctl(byobBranch), value);
        byteEnqueue(ctl(otherBranch), cloned);
      } else if (!byobCanceled) {
        byteRespondWithNewView(ctl(byobBranch), value);
      }
      afterChunk();
    }, () => {
      reading = false;
    });
  }

  function pull1() {
    if (reading) {
      readAgain1 = true;
      return Promise.resolve();
    }
    reading = true;
    const req = branch1[kState].controllerObject.byobRequest;
    if (req === null) pullWithDefaultReader();
    else pullWithBYOBReader(req.view, false);
    return Promise.resolve();
  }

  function pull2() {
    if (reading) {
      readAgain2 = true;
      return Promise.resolve();
    }
    reading = true;
    const req = branch2[kState].controllerObject.byobRequest;
    if (req === null) pullWithDefaultReader();
    else pullWithBYOBReader(req.view, true);
    return Promise.resolve();
  }

  function cancelBoth() {
    readableStreamCancel(stream, [reason1, reason2]).then(cancelPromise.resolve, cancelPromise.reject);
  }

  branch1 = new ReadableStream({
    type: 'bytes',
    pull: pull1,
    cancel(reason) {
      canceled1 = true;
      reason1 = reason;
      if (canceled2) cancelBoth();
      return cancelPromise.promise;
    },
  });
  branch2 = new ReadableStream({
    type: 'bytes',
    pull: pull2,
    cancel(reason) {
      canceled2 = true;
      reason2 = reason;
      if (canceled1) cancelBoth();
      return cancelPromise.promise;
    },
  });
  return [branch1, branch2];
}

function tee(stream) {
  if (stream[kState].controller.byte) return byteTee(stream);
  const reader = stream.getReader();
  let reading = false;
  let readAgain = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  const cancelPromise = deferred();
  let branch1;
  let branch2;
  function pull() {
    if (reading) {
      readAgain = true;
      return Promise.resolve();
    }
    reading = true;
    reader.read().then(({ value, done }) => {
      reading = false;
      if (done) {
        if (!canceled1) readableClose(branch1[kState].controller);
        if (!canceled2) readableClose(branch2[kState].controller);
        cancelPromise.resolve();
        return;
      }
      if (!canceled1) readableEnqueue(branch1[kState].controller, value);
      if (!canceled2) readableEnqueue(branch2[kState].controller, value);
      if (readAgain) {
        readAgain = false;
        pull();
      }
    }, () => {
      reading = false;
    });
    return Promise.resolve();
  }

  function cancelBoth() {
    const p = readableStreamCancel(stream, [reason1, reason2]);
    p.then(cancelPromise.resolve, cancelPromise.reject);
  }

  branch1 = new ReadableStream({
    pull,
    cancel(reason) {
      canceled1 = true;
      reason1 = reason;
      if (canceled2) cancelBoth();
      return cancelPromise.promise;
    },
  });
  branch2 = new ReadableStream({
    pull,
    cancel(reason) {
      canceled2 = true;
      reason2 = reason;
      if (canceled1) cancelBoth();
      return cancelPromise.promise;
    },
  });
  reader.closed.catch((e) => {
    readableControllerError(branch1[kState].controller, e);
    readableControllerError(branch2[kState].controller, e);
    if (!canceled1 || !canceled2) cancelPromise.resolve();
  });
  return [branch1, branch2];
}

async function pipeTo(source, dest, options) {
  const preventClose = !!(options && options.preventClose);
  const preventAbort = !!(options && options.preventAbort);
  const preventCancel = !!(options && options.preventCancel);
  const signal = options && options.signal;
  const reader = source.getReader();
  const writer = dest.getWriter();
  source[kState].disturbed = true;

  let aborted = false;
  let abortReason;
  let onAbort;
  const abortPromise = new Promise((resolve) => {
    onAbort = () => {
      aborted = true;
      abortReason = signal.reason !== undefined ? signal.reason : new AbortError();
      resolve();
    };
  });
  if (signal) {
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  }

  try {
    while (true) {
      if (aborted) throw abortReason;
      await Promise.race([writer.ready, abortPromise]);
      if (aborted) throw abortReason;
      let result;
      try {
        result = await Promise.race([reader.read(), abortPromise.then(() => null)]);
      } catch (err) {
        // The source errored.
        if (!preventAbort) await writer.abort(err).catch(() => {});
        throw err;
      }
      if (result === null) throw abortReason;
      if (result.done) {
        if (!preventClose) await writer.close();
        return;
      }
      writer.write(result.value).catch(() => {});
    }
  } catch (err) {
    const ws = dest[kState];
    if (aborted && err === abortReason) {
      if (!preventAbort && ws.state === 'writable') await writer.abort(err).catch(() => {});
      if (!preventCancel && source[kState].state === 'readable') await reader.cancel(err).catch(() => {});
    } else if (ws.state === 'errored' || ws.state === 'erroring') {
      if (!preventCancel) await reader.cancel(ws.storedError).catch(() => {});
      throw ws.storedError;
    }
    throw err;
  } finally {
    if (signal) signal.removeEventListener('abort', onAbort);
    reader.releaseLock();
    writer.releaseLock();
  }
}

// ----------------------------------------------------------- byte streams
//
// A 'bytes' source gets a ReadableByteStreamController: chunks are
// ArrayBufferViews kept as byte ranges, a BYOB reader's read(view) fills the
// caller's buffer (from the queue, or by the source through
// controller.byobRequest and respond()), and enqueued or filled buffers are
// transferred (the caller's view is detached), as the standard says.

function transferBuffer(buffer) {
  if (typeof buffer.transfer === 'function') return buffer.transfer();
  return structuredClone(buffer, { transfer: [buffer] });
}

class ReadableStreamBYOBRequest {
  constructor(key) {
    if (key !== kIllegal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kState] = { controller: null, view: null };
  }
  get view() { return this[kState].view; }
  respond(bytesWritten) {
    const { controller, view } = this[kState];
    if (!controller) throw invalidState('This BYOB request has been invalidated');
    validateBytesWritten(bytesWritten);
    if (view.buffer.byteLength === 0) throw invalidState('Viewed ArrayBuffer is detached');
    byteRespond(controller, Number(bytesWritten));
  }
  respondWithNewView(view) {
    const { controller } = this[kState];
    if (!controller) throw invalidState('This BYOB request has been invalidated');
    if (!ArrayBuffer.isView(view)) throw new ERR_INVALID_ARG_TYPE('view', ['ArrayBufferView'], view);
    byteRespondWithNewView(controller, view);
  }
  get [Symbol.toStringTag]() { return 'ReadableStreamBYOBRequest'; }
}

function validateBytesWritten(n) {
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', n);
  }
}

class ReadableByteStreamController {
  constructor(key) {
    if (key !== kIllegal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kState] = null;
  }
  get byobRequest() {
    const c = this[kState];
    if (c.byobRequest === null && c.pendingPullIntos.length > 0) {
      const first = c.pendingPullIntos[0];
      const req = new ReadableStreamBYOBRequest(kIllegal);
      req[kState].controller = c;
      req[kState].view = new Uint8Array(first.buffer, first.byteOffset + first.bytesFilled,
        first.byteLength - first.bytesFilled);
      c.byobRequest = req;
    }
    return c.byobRequest;
  }
  get desiredSize() {
    return readableDesiredSize(this[kState]);
  }
  close() {
    const c = this[kState];
    if (c.closeRequested) throw invalidState('Controller is already closed');
    if (c.stream[kState].state !== 'readable') throw invalidState('ReadableStream is already closed');
    byteClose(c);
  }
  enqueue(chunk) {
    const c = this[kState];
    if (!ArrayBuffer.isView(chunk)) throw new ERR_INVALID_ARG_TYPE('chunk', ['ArrayBufferView'], chunk);
    if (chunk.byteLength === 0) throw new ERR_INVALID_STATE.TypeError('chunk ArrayBuffer is zero-length or detached');
    if (chunk.buffer.byteLength === 0) throw new ERR_INVALID_STATE.TypeError('chunk ArrayBuffer is zero-length or detached');
    if (c.closeRequested) throw invalidState('Controller is already closed');
    if (c.stream[kState].state !== 'readable') throw invalidState('ReadableStream is already closed');
    byteEnqueue(c, chunk);
  }
  error(e) {
    readableControllerError(this[kState], e);
  }
  get [Symbol.toStringTag]() { return 'ReadableByteStreamController'; }
}

function invalidateByobRequest(c) {
  if (c.byobRequest === null) return;
  c.byobRequest[kState].controller = null;
  c.byobRequest[kState].view = null;
  c.byobRequest = null;
}

function clearPendingPullIntos(c) {
  invalidateByobRequest(c);
  c.pendingPullIntos = [];
}

function readerOf(c) {
  const reader = c.stream[kState].reader;
  return reader ? reader[kState] : null;
}

function byteEnqueue(c, chunk) {
  const { byteOffset, byteLength } = chunk;
  const buffer = transferBuffer(chunk.buffer);
  if (c.pendingPullIntos.length > 0) {
    invalidateByobRequest(c);
    const first = c.pendingPullIntos[0];
    first.buffer = transferBuffer(first.buffer);
    if (first.readerType === 'none') {
      // An auto-allocated buffer nobody reads any more: keep its bytes.
      c.pendingPullIntos.shift();
      if (first.bytesFilled > 0) {
        byteQueuePush(c, first.buffer.slice(first.byteOffset, first.byteOffset + first.bytesFilled), 0, first.bytesFilled);
      }
    }
  }
  const r = readerOf(c);
  if (r && !r.byob && r.readRequests.length > 0) {
    byteProcessReadRequestsUsingQueue(c);
    if (c.pendingPullIntos.length > 0) c.pendingPullIntos.shift();
    r.readRequests.shift().resolve({ value: new Uint8Array(buffer, byteOffset, byteLength), done: false });
  } else if (r && r.byob) {
    byteQueuePush(c, buffer, byteOffset, byteLength);
    byteProcessPullIntosUsingQueue(c);
  } else {
    byteQueuePush(c, buffer, byteOffset, byteLength);
  }
  callPullIfNeeded(c);
}

function byteProcessReadRequestsUsingQueue(c) {
  const r = readerOf(c);
  while (r && r.readRequests.length > 0 && c.queueTotalSize > 0) {
    const entry = c.queue.shift();
    c.queueTotalSize -= entry.byteLength;
    byteHandleQueueDrain(c);
    r.readRequests.shift().resolve({
      value: new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength), done: false,
    });
  }
}

function byteQueuePush(c, buffer, byteOffset, byteLength) {
  c.queue.push({ buffer, byteOffset, byteLength });
  c.queueTotalSize += byteLength;
}

function byteClose(c) {
  if (c.queueTotalSize > 0) {
    c.closeRequested = true;
    return;
  }
  if (c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos[0];
    if (first.bytesFilled % first.elementSize !== 0) {
      const e = invalidState('Partial read');
      readableControllerError(c, e);
      throw e;
    }
  }
  c.closeRequested = true;
  clearAlgorithms(c);
  readableStreamClose(c.stream);
}

function byteHandleQueueDrain(c) {
  if (c.queueTotalSize === 0 && c.closeRequested) {
    clearAlgorithms(c);
    readableStreamClose(c.stream);
  } else {
    callPullIfNeeded(c);
  }
}

function bytePullSteps(c, r) {
  if (c.queueTotalSize > 0) {
    const entry = c.queue.shift();
    c.queueTotalSize -= entry.byteLength;
    byteHandleQueueDrain(c);
    return Promise.resolve({ value: new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength), done: false });
  }
  if (c.autoAllocateChunkSize !== undefined) {
    let buffer;
    try {
      buffer = new ArrayBuffer(c.autoAllocateChunkSize);
    } catch (err) {
      return Promise.reject(err);
    }
    c.pendingPullIntos.push({
      buffer, bufferByteLength: c.autoAllocateChunkSize, byteOffset: 0,
      byteLength: c.autoAllocateChunkSize, bytesFilled: 0, elementSize: 1,
      viewConstructor: Uint8Array, readerType: 'default',
    });
  }
  const req = deferred();
  r.readRequests.push(req);
  callPullIfNeeded(c);
  return req.promise;
}

function fillPullIntoFromQueue(c, desc) {
  const maxBytesToCopy = Math.min(c.queueTotalSize, desc.byteLength - desc.bytesFilled);
  const maxBytesFilled = desc.bytesFilled + maxBytesToCopy;
  const maxAlignedBytes = maxBytesFilled - (maxBytesFilled % desc.elementSize);
  let remaining = maxBytesToCopy;
  let ready = false;
  if (maxAlignedBytes > desc.bytesFilled - (desc.bytesFilled % desc.elementSize)) {
    remaining = maxAlignedBytes - desc.bytesFilled;
    ready = true;
  }
  while (remaining > 0) {
    const head = c.queue[0];
    const n = Math.min(remaining, head.byteLength);
    new Uint8Array(desc.buffer, desc.byteOffset + desc.bytesFilled, n)
      .set(new Uint8Array(head.buffer, head.byteOffset, n));
    if (head.byteLength === n) {
      c.queue.shift();
    } else {
      head.byteOffset += n;
      head.byteLength -= n;
    }
    c.queueTotalSize -= n;
    invalidateByobRequest(c);
    desc.bytesFilled += n;
    remaining -= n;
  }
  return ready;
}

function pullIntoView(desc) {
  return new desc.viewConstructor(desc.buffer, desc.byteOffset, desc.bytesFilled / desc.elementSize);
}

function commitPullInto(c, desc) {
  const s = c.stream[kState];
  let done = false;
  if (s.state === 'closed') done = true;
  const r = readerOf(c);
  if (!r) return;
  const view = pullIntoView(desc);
  if (desc.readerType === 'default') {
    if (r.readRequests.length > 0) r.readRequests.shift().resolve({ value: view, done });
  } else if (r.readRequests.length > 0) {
    r.readRequests.shift().resolve({ value: view, done });
  }
}

function byteProcessPullIntosUsingQueue(c) {
  while (c.pendingPullIntos.length > 0) {
    if (c.queueTotalSize === 0) return;
    const desc = c.pendingPullIntos[0];
    if (fillPullIntoFromQueue(c, desc)) {
      c.pendingPullIntos.shift();
      commitPullInto(c, desc);
    }
  }
}

function byteRespond(c, bytesWritten) {
  const first = c.pendingPullIntos[0];
  const state = c.stream[kState].state;
  if (state === 'closed') {
    if (bytesWritten !== 0) throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
  } else {
    if (bytesWritten === 0) throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
    if (first.bytesFilled + bytesWritten > first.byteLength) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
    }
  }
  first.buffer = transferBuffer(first.buffer);
  byteRespondInternal(c, bytesWritten);
}

function byteRespondWithNewView(c, view) {
  const first = c.pendingPullIntos[0];
  const state = c.stream[kState].state;
  if (state === 'closed') {
    if (view.byteLength !== 0) throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  } else if (view.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  if (first.byteOffset + first.bytesFilled !== view.byteOffset) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  if (first.bufferByteLength !== view.buffer.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  if (first.bytesFilled + view.byteLength > first.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  const bytesWritten = view.byteLength; // read before the transfer detaches it
  first.buffer = transferBuffer(view.buffer);
  byteRespondInternal(c, bytesWritten);
}

function byteRespondInternal(c, bytesWritten) {
  const first = c.pendingPullIntos[0];
  invalidateByobRequest(c);
  if (c.stream[kState].state === 'closed') {
    // Every pending read finishes, done.
    const r = readerOf(c);
    if (r && r.byob) {
      while (r.readRequests.length > 0 && c.pendingPullIntos.length > 0) {
        commitPullInto(c, c.pendingPullIntos.shift());
      }
    }
  } else {
    first.bytesFilled += bytesWritten;
    if (first.readerType === 'none') {
      if (first.bytesFilled > 0) {
        c.pendingPullIntos.shift();
        byteQueuePush(c, first.buffer.slice(first.byteOffset, first.byteOffset + first.bytesFilled), 0, first.bytesFilled);
        byteProcessPullIntosUsingQueue(c);
      }
    } else if (first.bytesFilled >= first.elementSize) {
      c.pendingPullIntos.shift();
      const remainder = first.bytesFilled % first.elementSize;
      if (remainder > 0) {
        const end = first.byteOffset + first.bytesFilled;
        byteQueuePush(c, first.buffer.slice(end - remainder, end), 0, remainder);
      }
      first.bytesFilled -= remainder;
      commitPullInto(c, first);
      byteProcessPullIntosUsingQueue(c);
    }
  }
  callPullIfNeeded(c);
}

function setupByteController(stream, source, hwm) {
  const controller = new ReadableByteStreamController(kIllegal);
  let autoAllocateChunkSize = source.autoAllocateChunkSize;
  if (autoAllocateChunkSize !== undefined) {
    autoAllocateChunkSize = Number(autoAllocateChunkSize);
    if (!Number.isInteger(autoAllocateChunkSize) || autoAllocateChunkSize <= 0) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('source.autoAllocateChunkSize', source.autoAllocateChunkSize);
    }
  }
  const c = {
    byte: true,
    stream,
    queue: [],
    queueTotalSize: 0,
    started: false,
    closeRequested: false,
    pullAgain: false,
    pulling: false,
    hwm,
    size: null,
    autoAllocateChunkSize,
    pendingPullIntos: [],
    byobRequest: null,
    pull: () => promiseCall(source, 'pull', [controller], source),
    cancel: (reason) => promiseCall(source, 'cancel', [reason], source),
  };
  controller[kState] = c;
  stream[kState].controller = c;
  stream[kState].controllerObject = controller;
  const startResult = callMethod(source, 'start', [controller], source);
  Promise.resolve(startResult).then(() => {
    c.started = true;
    callPullIfNeeded(c);
  }, (e) => readableControllerError(c, e));
}

class ReadableStreamBYOBReader {
  constructor(stream) {
    if (!(stream instanceof ReadableStream)) throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    if (stream.locked) throw invalidState('ReadableStream is locked');
    const s = stream[kState];
    if (!s.controller.byte) {
      throw new ERR_INVALID_ARG_VALUE('stream', stream, 'must be a byte stream');
    }
    this[kState] = { stream, readRequests: [], closed: deferred(), byob: true };
    s.reader = this;
    if (s.state === 'closed') this[kState].closed.resolve();
    else if (s.state === 'errored') {
      this[kState].closed.reject(s.storedError);
      handled(this[kState].closed.promise);
    }
  }

  get closed() { return this[kState].closed.promise; }

  read(view) {
    if (!ArrayBuffer.isView(view)) {
      return Promise.reject(new ERR_INVALID_ARG_TYPE('view', ['Buffer', 'TypedArray', 'DataView'], view));
    }
    if (view.byteLength === 0) return Promise.reject(new ERR_INVALID_STATE.TypeError('View or Viewed ArrayBuffer is zero-length or detached'));
    if (view.buffer.byteLength === 0) return Promise.reject(new ERR_INVALID_STATE.TypeError('Viewed ArrayBuffer is detached'));
    const r = this[kState];
    if (!r.stream) return Promise.reject(invalidState('The reader is not attached to a stream'));
    const s = r.stream[kState];
    s.disturbed = true;
    if (s.state === 'errored') return Promise.reject(s.storedError);
    const c = s.controller;
    const elementSize = view.BYTES_PER_ELEMENT || 1;
    const desc = {
      buffer: null,
      bufferByteLength: view.buffer.byteLength,
      byteOffset: view.byteOffset,
      byteLength: view.byteLength,
      bytesFilled: 0,
      elementSize,
      viewConstructor: view.constructor,
      readerType: 'byob',
    };
    try {
      desc.buffer = transferBuffer(view.buffer);
    } catch (err) {
      return Promise.reject(err);
    }
    if (c.pendingPullIntos.length > 0) {
      c.pendingPullIntos.push(desc);
      const req = deferred();
      r.readRequests.push(req);
      return req.promise;
    }
    if (s.state === 'closed') {
      return Promise.resolve({ value: new desc.viewConstructor(desc.buffer, desc.byteOffset, 0), done: true });
    }
    if (c.queueTotalSize > 0) {
      if (fillPullIntoFromQueue(c, desc)) {
        const filled = pullIntoView(desc);
        byteHandleQueueDrain(c);
        return Promise.resolve({ value: filled, done: false });
      }
      if (c.closeRequested) {
        const e = invalidState('Partial read');
        readableControllerError(c, e);
        return Promise.reject(e);
      }
    }
    c.pendingPullIntos.push(desc);
    const req = deferred();
    r.readRequests.push(req);
    callPullIfNeeded(c);
    return req.promise;
  }

  releaseLock() {
    const r = this[kState];
    if (!r.stream) return;
    const s = r.stream[kState];
    const err = invalidState('Reader released');
    if (s.state === 'readable') r.closed.reject(err);
    else r.closed = { promise: Promise.reject(err), resolve() {}, reject() {} };
    handled(r.closed.promise);
    for (const req of r.readRequests.splice(0)) req.reject(err);
    s.reader = undefined;
    r.stream = undefined;
  }

  cancel(reason) {
    const r = this[kState];
    if (!r.stream) return Promise.reject(invalidState('The reader is not attached to a stream'));
    return readableStreamCancel(r.stream, reason);
  }

  get [Symbol.toStringTag]() { return 'ReadableStreamBYOBReader'; }
}

// ---------------------------------------------------------------- writable

const kCloseSentinel = Symbol('close');

class WritableStreamDefaultController {
  constructor(key) {
    if (key !== kIllegal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kState] = null;
  }
  get signal() { return this[kState].abortController.signal; }
  error(e) {
    const c = this[kState];
    if (c.stream[kState].state !== 'writable') return;
    writableControllerError(c, e);
  }
}

function writableDesiredSize(c) {
  return c.hwm - c.queueTotalSize;
}

function writableControllerError(c, e) {
  clearWritableAlgorithms(c);
  startErroring(c.stream, e);
}

function clearWritableAlgorithms(c) {
  c.write = null;
  c.close = null;
  c.abort = null;
  c.size = null;
}

function startErroring(stream, reason) {
  const s = stream[kState];
  s.state = 'erroring';
  s.storedError = reason;
  const writer = s.writer;
  if (writer) ensureReadyRejected(writer, reason);
  if (!s.inFlightWrite && !s.inFlightClose && s.controller.started) finishErroring(stream);
}

function finishErroring(stream) {
  const s = stream[kState];
  s.state = 'errored';
  const c = s.controller;
  c.queue = [];
  c.queueTotalSize = 0;
  const err = s.storedError;
  for (const req of s.writeRequests.splice(0)) req.reject(err);
  if (!s.pendingAbort) {
    rejectCloseAndClosed(stream);
    return;
  }
  const abortRequest = s.pendingAbort;
  s.pendingAbort = undefined;
  if (abortRequest.wasAlreadyErroring) {
    abortRequest.promise.reject(err);
    rejectCloseAndClosed(stream);
    return;
  }
  const abort = c.abort;
  clearWritableAlgorithms(c);
  (abort ? abort(abortRequest.reason) : Promise.resolve()).then(() => {
    abortRequest.promise.resolve();
    rejectCloseAndClosed(stream);
  }, (e) => {
    abortRequest.promise.reject(e);
    rejectCloseAndClosed(stream);
  });
}

function rejectCloseAndClosed(stream) {
  const s = stream[kState];
  s.closedPromise.reject(s.storedError);
  if (s.closeRequest) {
    s.closeRequest.reject(s.storedError);
    s.closeRequest = undefined;
  }
  const writer = s.writer;
  if (writer) {
    writer[kState].closed.reject(s.storedError);
    handled(writer[kState].closed.promise);
  }
}

function ensureReadyRejected(writer, err) {
  const w = writer[kState];
  if (w.readyPending) {
    w.ready.reject(err);
  } else {
    w.ready = deferred();
    w.ready.reject(err);
  }
  w.readyPending = false;
  handled(w.ready.promise);
}

function updateBackpressure(stream, backpressure) {
  const s = stream[kState];
  const writer = s.writer;
  if (writer && backpressure !== s.backpressure) {
    const w = writer[kState];
    if (backpressure) {
      w.ready = deferred();
      w.readyPending = true;
    } else {
      w.ready.resolve();
      w.readyPending = false;
    }
  }
  s.backpressure = backpressure;
}

function closeQueuedOrInFlight(s) {
  return s.closeRequest !== undefined || s.inFlightClose !== undefined;
}

function advanceQueueIfNeeded(c) {
  const stream = c.stream;
  const s = stream[kState];
  if (!c.started || s.inFlightWrite !== undefined) return;
  if (s.state === 'erroring') {
    finishErroring(stream);
    return;
  }
  if (c.queue.length === 0) return;
  const head = c.queue[0];
  if (head.value === kCloseSentinel) {
    c.queue.shift();
    s.inFlightClose = s.closeRequest;
    s.closeRequest = undefined;
    const close = c.close;
    clearWritableAlgorithms(c);
    close().then(() => {
      s.inFlightClose.resolve();
      s.inFlightClose = undefined;
      if (s.state === 'erroring') {
        s.storedError = undefined;
        if (s.pendingAbort) {
          s.pendingAbort.promise.resolve();
          s.pendingAbort = undefined;
        }
      }
      s.state = 'closed';
      s.closedPromise.resolve();
      if (s.writer) s.writer[kState].closed.resolve();
    }, (e) => {
      s.inFlightClose.reject(e);
      s.inFlightClose = undefined;
      if (s.pendingAbort) {
        s.pendingAbort.promise.reject(e);
        s.pendingAbort = undefined;
      }
      dealWithRejection(stream, e);
    });
    return;
  }
  s.inFlightWrite = s.writeRequests.shift();
  c.write(head.value).then(() => {
    s.inFlightWrite.resolve();
    s.inFlightWrite = undefined;
    c.queue.shift();
    c.queueTotalSize -= head.size;
    if (c.queueTotalSize < 0) c.queueTotalSize = 0;
    if (!closeQueuedOrInFlight(s) && s.state === 'writable') {
      updateBackpressure(stream, writableDesiredSize(c) <= 0);
    }
    advanceQueueIfNeeded(c);
  }, (e) => {
    s.inFlightWrite.reject(e);
    s.inFlightWrite = undefined;
    if (s.state === 'writable') clearWritableAlgorithms(c);
    dealWithRejection(stream, e);
  });
}

function dealWithRejection(stream, e) {
  const s = stream[kState];
  if (s.state === 'writable') {
    startErroring(stream, e);
    return;
  }
  finishErroring(stream);
}

function writableStreamAbort(stream, reason) {
  const s = stream[kState];
  if (s.state === 'closed' || s.state === 'errored') return Promise.resolve();
  s.controller.abortController.abort(reason);
  if (s.state === 'closed' || s.state === 'errored') return Promise.resolve();
  if (s.pendingAbort) return s.pendingAbort.promise.promise;
  let wasAlreadyErroring = false;
  if (s.state === 'erroring') {
    wasAlreadyErroring = true;
    reason = undefined;
  }
  const promise = deferred();
  s.pendingAbort = { promise, reason, wasAlreadyErroring };
  if (!wasAlreadyErroring) startErroring(stream, reason);
  return promise.promise;
}

function writableStreamClose(stream) {
  const s = stream[kState];
  if (s.state === 'closed' || s.state === 'errored') {
    return Promise.reject(invalidState(`WritableStream is ${s.state}`));
  }
  if (closeQueuedOrInFlight(s)) return Promise.reject(invalidState('Failure to close WritableStream'));
  const promise = deferred();
  s.closeRequest = promise;
  const writer = s.writer;
  if (writer && s.backpressure && s.state === 'writable') {
    writer[kState].ready.resolve();
    writer[kState].readyPending = false;
  }
  const c = s.controller;
  c.queue.push({ value: kCloseSentinel, size: 0 });
  advanceQueueIfNeeded(c);
  return promise.promise;
}

class WritableStream {
  constructor(sink = {}, strategy = {}) {
    if (sink === null) sink = {};
    if (!isObj(sink)) throw new ERR_INVALID_ARG_TYPE('sink', 'Object', sink);
    if (strategy === null || strategy === undefined) strategy = {};
    if (sink.type !== undefined) throw new ERR_INVALID_ARG_VALUE.RangeError('type', sink.type);
    this[kState] = {
      state: 'writable',
      closedPromise: deferred(),
      storedError: undefined,
      writer: undefined,
      controller: null,
      writeRequests: [],
      inFlightWrite: undefined,
      closeRequest: undefined,
      inFlightClose: undefined,
      pendingAbort: undefined,
      backpressure: false,
    };
    handled(this[kState].closedPromise.promise);
    const hwm = extractHighWaterMark(strategy, 1);
    const size = extractSize(strategy);
    const controller = new WritableStreamDefaultController(kIllegal);
    const c = {
      stream: this,
      queue: [],
      queueTotalSize: 0,
      started: false,
      hwm,
      size,
      abortController: new AbortController(),
      write: (chunk) => promiseCall(sink, 'write', [chunk, controller], sink),
      close: () => promiseCall(sink, 'close', [], sink),
      abort: (reason) => promiseCall(sink, 'abort', [reason], sink),
    };
    controller[kState] = c;
    this[kState].controller = c;
    updateBackpressure(this, writableDesiredSize(c) <= 0);
    const startResult = callMethod(sink, 'start', [controller], sink);
    Promise.resolve(startResult).then(() => {
      c.started = true;
      advanceQueueIfNeeded(c);
    }, (e) => {
      c.started = true;
      dealWithRejection(this, e);
    });
  }

  get locked() { return this[kState].writer !== undefined; }

  abort(reason) {
    if (this.locked) return Promise.reject(invalidState('WritableStream is locked'));
    return writableStreamAbort(this, reason);
  }

  close() {
    if (this.locked) return Promise.reject(invalidState('WritableStream is locked'));
    return writableStreamClose(this);
  }

  getWriter() {
    return new WritableStreamDefaultWriter(this);
  }

  get [Symbol.toStringTag]() { return 'WritableStream'; }

  get [kIsClosedPromise]() { return this[kState].closedPromise; }
  get [kIsErrored]() { return this[kState].state === 'errored'; }
  [kControllerErrorFunction](err) {
    if (this[kState].state === 'writable') writableControllerError(this[kState].controller, err);
  }
}

class WritableStreamDefaultWriter {
  constructor(stream) {
    if (!(stream instanceof WritableStream)) throw new ERR_INVALID_ARG_TYPE('stream', 'WritableStream', stream);
    if (stream.locked) throw invalidState('WritableStream is locked');
    const s = stream[kState];
    const w = { stream, ready: deferred(), readyPending: false, closed: deferred() };
    this[kState] = w;
    s.writer = this;
    if (s.state === 'writable') {
      if (!closeQueuedOrInFlight(s) && s.backpressure) w.readyPending = true;
      else w.ready.resolve();
    } else if (s.state === 'erroring') {
      w.ready.reject(s.storedError);
      handled(w.ready.promise);
    } else if (s.state === 'closed') {
      w.ready.resolve();
      w.closed.resolve();
    } else {
      w.ready.reject(s.storedError);
      handled(w.ready.promise);
      w.closed.reject(s.storedError);
      handled(w.closed.promise);
    }
  }

  get closed() { return this[kState].closed.promise; }
  get ready() { return this[kState].ready.promise; }

  get desiredSize() {
    const w = this[kState];
    if (!w.stream) throw invalidState('Writer is not bound to a WritableStream');
    const s = w.stream[kState];
    if (s.state === 'errored' || s.state === 'erroring') return null;
    if (s.state === 'closed') return 0;
    return writableDesiredSize(s.controller);
  }

  abort(reason) {
    const w = this[kState];
    if (!w.stream) return Promise.reject(invalidState('Writer is not bound to a WritableStream'));
    return writableStreamAbort(w.stream, reason);
  }

  close() {
    const w = this[kState];
    if (!w.stream) return Promise.reject(invalidState('Writer is not bound to a WritableStream'));
    return writableStreamClose(w.stream);
  }

  releaseLock() {
    const w = this[kState];
    if (!w.stream) return;
    const err = invalidState('Writer has been released');
    ensureReadyRejected(this, err);
    const s = w.stream[kState];
    if (s.state === 'writable' || s.state === 'erroring') w.closed.reject(err);
    else w.closed = { promise: Promise.reject(err), resolve() {}, reject() {} };
    handled(w.closed.promise);
    s.writer = undefined;
    w.stream = undefined;
  }

  write(chunk) {
    const w = this[kState];
    if (!w.stream) return Promise.reject(invalidState('Writer is not bound to a WritableStream'));
    const stream = w.stream;
    const s = stream[kState];
    const c = s.controller;
    let size = 1;
    if (c.size) {
      try {
        size = c.size(chunk);
      } catch (err) {
        if (s.state === 'writable') writableControllerError(c, err);
        return Promise.reject(err);
      }
    }
    if (s.state === 'errored' || s.state === 'erroring') return Promise.reject(s.storedError);
    if (closeQueuedOrInFlight(s) || s.state === 'closed') {
      return Promise.reject(invalidState('WritableStream is closed'));
    }
    const req = deferred();
    s.writeRequests.push(req);
    c.queue.push({ value: chunk, size });
    c.queueTotalSize += size;
    if (!closeQueuedOrInFlight(s) && s.state === 'writable') {
      updateBackpressure(stream, writableDesiredSize(c) <= 0);
    }
    advanceQueueIfNeeded(c);
    return req.promise;
  }

  get [Symbol.toStringTag]() { return 'WritableStreamDefaultWriter'; }
}

// --------------------------------------------------------------- transform

class TransformStreamDefaultController {
  constructor(key) {
    if (key !== kIllegal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kState] = null;
  }
  get desiredSize() {
    return readableDesiredSize(this[kState].readableController[kState]);
  }
  enqueue(chunk) {
    const t = this[kState];
    const rc = t.readableController[kState];
    if (!canCloseOrEnqueue(rc)) throw invalidState('Unable to enqueue');
    try {
      readableEnqueue(rc, chunk);
    } catch (err) {
      transformErrorWritable(t, err);
      throw rc.stream[kState].storedError;
    }
    const backpressure = !shouldCallPull(rc) && readableDesiredSize(rc) <= 0;
    if (backpressure !== t.backpressure) setTransformBackpressure(t, true);
  }
  error(reason) {
    transformError(this[kState], reason);
  }
  terminate() {
    const t = this[kState];
    const rc = t.readableController[kState];
    if (canCloseOrEnqueue(rc)) readableClose(rc);
    transformErrorWritable(t, invalidState('TransformStream has been terminated'));
  }
}

function setTransformBackpressure(t, value) {
  if (t.backpressureChange) t.backpressureChange.resolve();
  t.backpressureChange = deferred();
  t.backpressure = value;
}

function transformError(t, e) {
  readableControllerError(t.readableController[kState], e);
  transformErrorWritable(t, e);
}

function transformErrorWritable(t, e) {
  const wc = t.writable[kState].controller;
  if (t.writable[kState].state === 'writable') writableControllerError(wc, e);
  if (t.backpressure) setTransformBackpressure(t, false);
}

class TransformStream {
  #readable;
  #writable;

  constructor(transformer = {}, writableStrategy = {}, readableStrategy = {}) {
    if (transformer === null) transformer = {};
    if (!isObj(transformer)) throw new ERR_INVALID_ARG_TYPE('transformer', 'Object', transformer);
    if (transformer.readableType !== undefined) throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.readableType', transformer.readableType);
    if (transformer.writableType !== undefined) throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.writableType', transformer.writableType);
    const startPromise = deferred();
    const controller = new TransformStreamDefaultController(kIllegal);
    const t = {
      readableController: null,
      writable: null,
      backpressure: undefined,
      backpressureChange: undefined,
    };
    controller[kState] = t;

    const transformAlgorithm = typeof transformer.transform === 'function' ?
      (chunk) => promiseCall(transformer, 'transform', [chunk, controller], transformer) :
      (chunk) => {
        try {
          controller.enqueue(chunk);
          return Promise.resolve();
        } catch (err) {
          return Promise.reject(err);
        }
      };
    const flushAlgorithm = () => promiseCall(transformer, 'flush', [controller], transformer);

    const performTransform = (chunk) => transformAlgorithm(chunk).catch((err) => {
      transformError(t, err);
      throw err;
    });

    const writable = new WritableStream({
      start() { return startPromise.promise; },
      write(chunk) {
        if (t.backpressure) {
          return t.backpressureChange.promise.then(() => {
            const ws = t.writable[kState];
            if (ws.state === 'erroring') throw ws.storedError;
            return performTransform(chunk);
          });
        }
        return performTransform(chunk);
      },
      close() {
        return flushAlgorithm().then(() => {
          const rs = this_.readable[kState];
          if (rs.state === 'errored') throw rs.storedError;
          const rc = t.readableController[kState];
          if (canCloseOrEnqueue(rc)) readableClose(rc);
        }, (err) => {
          transformError(t, err);
          throw this_.readable[kState].storedError;
        });
      },
      abort(reason) {
        transformError(t, reason);
        return Promise.resolve();
      },
    }, writableStrategy);
    t.writable = writable;
    const this_ = this;

    const readable = new ReadableStream({
      start(c) { t.readableController = c; return startPromise.promise; },
      pull() {
        setTransformBackpressure(t, false);
        return t.backpressureChange.promise;
      },
      cancel(reason) {
        transformErrorWritable(t, reason);
        return Promise.resolve();
      },
    }, readableStrategy === undefined || readableStrategy.highWaterMark === undefined ?
      { ...readableStrategy, highWaterMark: 0 } : readableStrategy);

    this.#readable = readable;
    this.#writable = writable;
    setTransformBackpressure(t, true);
    try {
      startPromise.resolve(callMethod(transformer, 'start', [controller], transformer));
    } catch (err) {
      startPromise.reject(err);
    }
  }

  get readable() { return this.#readable; }
  get writable() { return this.#writable; }

  get [Symbol.toStringTag]() { return 'TransformStream'; }
}

// ------------------------------------------------------------ text streams

class TextEncoderStream {
  #transform;
  #pending = '';
  constructor() {
    const encoder = new TextEncoder();
    this.#transform = new TransformStream({
      transform: (chunk, controller) => {
        let s = this.#pending + String(chunk);
        this.#pending = '';
        // Keep a trailing high surrogate for the next chunk.
        const last = s.charCodeAt(s.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) {
          this.#pending = s[s.length - 1];
          s = s.slice(0, -1);
        }
        if (s.length > 0) controller.enqueue(encoder.encode(s));
      },
      flush: (controller) => {
        if (this.#pending) controller.enqueue(new Uint8Array([0xef, 0xbf, 0xbd]));
      },
    });
  }
  get encoding() { return 'utf-8'; }
  get readable() { return this.#transform.readable; }
  get writable() { return this.#transform.writable; }
  get [Symbol.toStringTag]() { return 'TextEncoderStream'; }
}

class TextDecoderStream {
  #transform;
  #decoder;
  constructor(encoding = 'utf-8', options = {}) {
    this.#decoder = new TextDecoder(encoding, options);
    const decoder = this.#decoder;
    this.#transform = new TransformStream({
      transform(chunk, controller) {
        const value = decoder.decode(chunk, { stream: true });
        if (value) controller.enqueue(value);
      },
      flush(controller) {
        const value = decoder.decode();
        if (value) controller.enqueue(value);
        controller.terminate();
      },
    });
  }
  get encoding() { return this.#decoder.encoding; }
  get fatal() { return this.#decoder.fatal; }
  get ignoreBOM() { return this.#decoder.ignoreBOM; }
  get readable() { return this.#transform.readable; }
  get writable() { return this.#transform.writable; }
  get [Symbol.toStringTag]() { return 'TextDecoderStream'; }
}

module.exports = {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableByteStreamController,
  ReadableStreamDefaultController,
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,
  TransformStream,
  TransformStreamDefaultController,
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
  TextEncoderStream,
  TextDecoderStream,
  kState,
};
