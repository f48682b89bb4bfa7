'use strict';
// v8 — Node's v8 module over internalBinding('heap') (heap statistics,
// snapshots, flags; runtime/src/binding_heap.c) and internalBinding('serdes')
// (V8's value serializer; runtime/src/binding_serdes.c).
//
// Serializer/Deserializer are V8's value serializer with Node's delegate
// hooks (engine/engine_serdes.cc); DefaultSerializer writes typed arrays and
// Buffers as host objects exactly as Node does.  The wire format version is
// the engine's V8's, so bytes differ from Node 20's in the header and Node
// 20's output may not load.  Coverage, promiseHooks, startupSnapshot and
// GCProfiler are not provided.

const heap = internalBinding('heap');
const serdes = internalBinding('serdes');
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

// ---- Serializer / Deserializer (Node's lib/v8.js over the native classes) ----
const { Serializer, Deserializer } = serdes;
const { Buffer } = require('buffer');
const { FastBuffer } = require('buffer')._internal;

const nativeRelease = Serializer.prototype.releaseBuffer;
Serializer.prototype.releaseBuffer = function releaseBuffer() {
  return Buffer.from(Reflect.apply(nativeRelease, this, []));
};
Deserializer.prototype.readRawBytes = function readRawBytes(length) {
  const offset = this._readRawBytes(length);
  // `this.buffer` can be a Buffer or a plain Uint8Array, so just calling
  // `.slice()` doesn't work.
  return new FastBuffer(this.buffer.buffer, this.buffer.byteOffset + offset, length);
};

// Indexes as in Node: FastBuffer is 10, the BigInt arrays follow it.
const arrayBufferViewTypes = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
  Int32Array, Uint32Array, Float32Array, Float64Array, DataView];
const arrayBufferViewTypeToIndex = new Map();
{
  const dummy = new ArrayBuffer();
  for (const [i, ctor] of arrayBufferViewTypes.entries()) {
    arrayBufferViewTypeToIndex.set(Object.prototype.toString.call(new ctor(dummy)), i);
  }
}
const bufferConstructorIndex = arrayBufferViewTypes.push(FastBuffer) - 1;
for (const ctor of [BigInt64Array, BigUint64Array]) {
  arrayBufferViewTypeToIndex.set(Object.prototype.toString.call(new ctor(new ArrayBuffer())),
    arrayBufferViewTypes.push(ctor) - 1);
}

class DefaultSerializer extends Serializer {
  constructor() {
    super();
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }

  _writeHostObject(abView) {
    // Buffers (often slices of the shared pool) travel as their own bytes,
    // never as their whole ArrayBuffer.
    let i = bufferConstructorIndex;
    if (abView.constructor !== Buffer) {
      i = arrayBufferViewTypeToIndex.get(Object.prototype.toString.call(abView));
      if (i === undefined) {
        const { inspect } = require('internal/util/inspect');
        throw new this._getDataCloneError(`Unserializable host object: ${inspect(abView)}`);
      }
    }
    this.writeUint32(i);
    this.writeUint32(abView.byteLength);
    this.writeRawBytes(new Uint8Array(abView.buffer, abView.byteOffset, abView.byteLength));
  }
}
DefaultSerializer.prototype._getDataCloneError = Error;

class DefaultDeserializer extends Deserializer {
  _readHostObject() {
    const typeIndex = this.readUint32();
    const ctor = arrayBufferViewTypes[typeIndex];
    const byteLength = this.readUint32();
    const byteOffset = this._readRawBytes(byteLength);
    const BYTES_PER_ELEMENT = ctor.BYTES_PER_ELEMENT || 1;
    const offset = this.buffer.byteOffset + byteOffset;
    if (offset % BYTES_PER_ELEMENT === 0) {
      return new ctor(this.buffer.buffer, offset, byteLength / BYTES_PER_ELEMENT);
    }
    // Copy to an aligned buffer first.
    const copy = Buffer.allocUnsafe(byteLength);
    Buffer.from(this.buffer.buffer, this.buffer.byteOffset, this.buffer.byteLength)
      .copy(copy, 0, byteOffset, byteOffset + byteLength);
    return new ctor(copy.buffer, copy.byteOffset, byteLength / BYTES_PER_ELEMENT);
  }
}

function serialize(value) {
  const ser = new DefaultSerializer();
  ser.writeHeader();
  ser.writeValue(value);
  return ser.releaseBuffer();
}

function deserialize(buffer) {
  const der = new DefaultDeserializer(buffer);
  der.readHeader();
  return der.readValue();
}

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
