'use strict';
// internal/stream_handle — a Duplex stream over a libuv stream handle
// (internalBinding('pipe_wrap').Pipe): child processes' stdio pipes.  Reads
// start when the stream is read and stop when it is paused (backpressure);
// writes go straight to libuv; end() half-closes; destroy() closes the handle.

const { Duplex } = require('stream');

function toBuffer(chunk) {
  const { Buffer } = require('buffer');
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

class HandleStream extends Duplex {
  constructor(handle, options = {}) {
    super({ allowHalfOpen: true, ...options });
    this._handle = handle;
    this._reading = false;
    this.fd = handle ? handle.getFd() : -1;
    if (options.readable === false) this._readableState.ended = true;
  }
  _read() {
    if (this._reading || !this._handle) return;
    this._reading = true;
    const err = this._handle.readStart((chunk) => {
      if (chunk === null) {
        this._reading = false;
        this.push(null);
        return;
      }
      if (chunk instanceof Error) { this.destroy(chunk); return; }
      if (!this.push(toBuffer(chunk))) {
        this._reading = false;
        if (this._handle) this._handle.readStop();
      }
    });
    if (err < 0) {
      this._reading = false;
      this.destroy(internalBinding('errors').errnoException(err, 'read'));
    }
  }
  _write(chunk, encoding, cb) {
    if (!this._handle) { cb(new Error('This socket is closed')); return; }
    const data = typeof chunk === 'string' ? require('buffer').Buffer.from(chunk, encoding) : chunk;
    const err = this._handle.write(data, (e) => cb(e || null));
    if (err < 0) cb(internalBinding('errors').errnoException(err, 'write'));
    else if (err === 1) cb(null); // written at once: no callback from the handle
  }
  _final(cb) {
    if (!this._handle) { cb(); return; }
    const err = this._handle.shutdown(() => cb());
    if (err < 0) cb();
  }
  _destroy(err, cb) {
    const h = this._handle;
    this._handle = null;
    if (h) h.close(() => cb(err)); else cb(err);
  }
  ref() { if (this._handle) this._handle.ref(); return this; }
  unref() { if (this._handle) this._handle.unref(); return this; }
}

module.exports = { HandleStream };
