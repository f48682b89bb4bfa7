'use strict';
// v8 — Node's v8 module over internalBinding('heap') (heap statistics,
// snapshots, flags; runtime/src/binding_heap.c) and internalBinding('serdes')
// (V8's value serializer; runtime/src/binding_serdes.c).
//
// serialize/deserialize use V8's own wire format (the engine's version, so
// bytes differ from Node 20's V8 and Node 20's output may not load);
// typed arrays travel as V8's native views, so a Buffer comes back as a
// Uint8Array.  Serializer/Deserializer carry one value per buffer.
// Coverage, promiseHooks, startupSnapshot and GCProfiler are not provided.

const heap = internalBinding('heap');
const serdes = internalBinding('serdes');
const { isArrayBufferView } = internalBinding('types');
const {
  codes: { ERR_METHOD_NOT_IMPLEMENTED },
} = require('internal/errors');
const { validateString, validateObject, validateInteger } = require('internal/validators');

function getHeapStatistics() {
  const s = heap.getHeapStatistics();
  return {
    total_heap_size: s.total_heap_size,
    total_heap_size_executable: s.total_heap_size_executable,
    total_physical_size: s.total_physical_size,
    total_available_size: s.total_available_size,
    used_heap_size: s.used_heap_size,
    heap_size_limit: s.heap_size_limit,
    malloced_memory: s.malloced_memory,
    peak_malloced_memory: s.peak_malloced_memory,
    does_zap_garbage: s.does_zap_garbage,
    number_of_native_contexts: s.number_of_native_contexts,
    number_of_detached_contexts: s.number_of_detached_contexts,
    total_global_handles_size: s.total_global_handles_size,
    used_global_handles_size: s.used_global_handles_size,
    external_memory: s.external_memory,
  };
}

function getHeapSpaceStatistics() { return heap.getHeapSpaceStatistics(); }
function getHeapCodeStatistics() { return heap.getHeapCodeStatistics(); }
function cachedDataVersionTag() { return heap.cachedDataVersionTag(); }

function setFlagsFromString(flags) {
  validateString(flags, 'flags');
  heap.setFlagsFromString(flags);
}

let snapshotSeq = 0;
function pad(n, w = 2) { return String(n).padStart(w, '0'); }
function defaultSnapshotName() {
  const d = new Date();
  const date = `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
  return `Heap.${date}.${time}.${process.pid}.0.${pad(++snapshotSeq, 3)}.heapsnapshot`;
}

function writeHeapSnapshot(filename, options) {
  if (filename !== undefined) {
    const { getValidatedPath } = require('internal/fs/utils');
    filename = getValidatedPath(filename);
  } else {
    filename = defaultSnapshotName();
  }
  if (options !== undefined) validateObject(options, 'options');
  return heap.writeHeapSnapshot(filename);
}

function getHeapSnapshot(options) {
  if (options !== undefined) validateObject(options, 'options');
  const fs = require('fs');
  const path = require('path');
  const os = require('os');
  const file = path.join(os.tmpdir(), `devrun-js-${process.pid}-${++snapshotSeq}.heapsnapshot`);
  heap.writeHeapSnapshot(file);
  const stream = fs.createReadStream(file);
  const cleanup = () => { try { fs.unlinkSync(file); } catch { /* gone */ } };
  stream.once('close', cleanup);
  stream.once('open', () => { /* unlink once opened: the fd keeps the data */ cleanup(); });
  return stream;
}

function toBuffer(u8) {
  const { Buffer } = require('buffer');
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

// Node's serializer reports uncloneable values as plain Errors.
function serializeRaw(value) {
  try {
    return serdes.serialize(value);
  } catch (e) {
    if (e && e.name === 'DataCloneError') throw new Error(e.message);
    throw e;
  }
}

function serialize(value) {
  return toBuffer(serializeRaw(value));
}

function bufferTypeError() {
  const { makeError } = require('internal/fs/utils');
  return makeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'buffer must be a TypedArray or a DataView');
}

function deserialize(buffer) {
  if (!isArrayBufferView(buffer)) throw bufferTypeError();
  return serdes.deserialize(buffer);
}

class Serializer {
  #values = [];
  #header = false;
  writeHeader() { this.#header = true; }
  writeValue(value) {
    if (this.#values.length) {
      throw new ERR_METHOD_NOT_IMPLEMENTED('writeValue (more than one value per buffer)');
    }
    serializeRaw(value); // throws now for values that cannot be cloned
    this.#values.push(value);
    return true;
  }
  releaseBuffer() {
    const v = this.#values.length ? this.#values[0] : undefined;
    this.#values = [];
    return serialize(v);
  }
  transferArrayBuffer() { throw new ERR_METHOD_NOT_IMPLEMENTED('transferArrayBuffer'); }
  writeUint32() { throw new ERR_METHOD_NOT_IMPLEMENTED('writeUint32'); }
  writeUint64() { throw new ERR_METHOD_NOT_IMPLEMENTED('writeUint64'); }
  writeDouble() { throw new ERR_METHOD_NOT_IMPLEMENTED('writeDouble'); }
  writeRawBytes() { throw new ERR_METHOD_NOT_IMPLEMENTED('writeRawBytes'); }
  _setTreatArrayBufferViewsAsHostObjects() {}
}

class Deserializer {
  #buffer;
  constructor(buffer) {
    if (!isArrayBufferView(buffer)) throw bufferTypeError();
    this.#buffer = buffer;
  }
  readHeader() { return true; }
  readValue() { return serdes.deserialize(this.#buffer); }
  getWireFormatVersion() { return this.#buffer[0] === 0xff ? this.#buffer[1] : 0; }
  transferArrayBuffer() { throw new ERR_METHOD_NOT_IMPLEMENTED('transferArrayBuffer'); }
  readUint32() { throw new ERR_METHOD_NOT_IMPLEMENTED('readUint32'); }
  readUint64() { throw new ERR_METHOD_NOT_IMPLEMENTED('readUint64'); }
  readDouble() { throw new ERR_METHOD_NOT_IMPLEMENTED('readDouble'); }
  readRawBytes() { throw new ERR_METHOD_NOT_IMPLEMENTED('readRawBytes'); }
}

class DefaultSerializer extends Serializer {}
class DefaultDeserializer extends Deserializer {}

function setHeapSnapshotNearHeapLimit(limit) {
  validateInteger(limit, 'limit', 1);
}

function notProvided(name) {
  return function() { throw new ERR_METHOD_NOT_IMPLEMENTED(name); };
}

module.exports = {
  cachedDataVersionTag,
  getHeapSnapshot,
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString,
  Serializer,
  Deserializer,
  DefaultSerializer,
  DefaultDeserializer,
  deserialize,
  takeCoverage: notProvided('takeCoverage'),
  stopCoverage: notProvided('stopCoverage'),
  serialize,
  writeHeapSnapshot,
  setHeapSnapshotNearHeapLimit,
};
