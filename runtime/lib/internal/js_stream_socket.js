'use strict';
// internal/js_stream_socket — JSStreamSocket: a net.Socket whose I/O goes to
// any Duplex stream instead of a libuv handle (what Node's legacy
// `_stream_wrap` exports, and what TLS/http2 code uses to run over arbitrary
// streams).
//
// DuplexHandle below plays the part of the libuv stream handle net.Socket
// talks to (readStart/readStop/write/shutdown/close/ref/unref/...), so all
// of net.Socket's machinery applies unchanged:
//   readStart(onread)  -> the Duplex flows; each 'data' chunk goes to onread,
//                         'end' as onread(null)
//   readStop()         -> the Duplex is paused (backpressure)
//   write(buf|bufs,cb) -> written to the Duplex (corked for a list); cb once
//                         every part's write callback ran
//   shutdown(cb)       -> duplex.end(), cb when it finished
//   close(cb)          -> duplex.destroy(), cb on the next turn of the loop
// There is no libuv handle: ref/unref do nothing, there are no addresses
// (remoteAddress etc. are undefined) and no fd.  Errors of the Duplex are
// re-emitted on the socket, and the socket is destroyed when it closes.

const net = require('net');

function streamWrapError() {
  const { codes } = require('internal/errors');
  return new codes.ERR_STREAM_WRAP();
}

const EPIPE = -32;

class DuplexHandle {
  constructor(stream) {
    this.stream = stream;
    this.owner = null;     // the JSStreamSocket, set once it exists
    this.onread = null;
    this.reading = false;
    this.closed = false;
    this.held = [];        // chunks (and null for EOF) that came while not reading
    this.writes = new Set(); // write callbacks still waiting on the Duplex

    this._onData = (chunk) => {
      if (typeof chunk === 'string' || stream.readableObjectMode === true) {
        // bytes only: a decoder or object mode cannot be carried
        stream.pause();
        stream.removeListener('data', this._onData);
        if (this.owner) this.owner.emit('error', streamWrapError());
        return;
      }
      this._deliver(chunk);
    };
    this._onEnd = () => this._deliver(null);
    this._onError = (err) => { if (this.owner) this.owner.emit('error', err); };
    this._onClose = () => {
      // an error was already passed on by _onError: no second one here
      if (this.owner && !this.owner.destroyed) this.owner.destroy();
    };
    stream.pause(); // stays paused until net.Socket starts reading
    stream.on('data', this._onData);
    stream.once('end', this._onEnd);
    stream.on('error', this._onError);
    stream.once('close', this._onClose);
  }

  _deliver(chunk) {
    if (this.closed) return;
    if (!this.reading || !this.onread) {
      this.held.push(chunk);
      return;
    }
    this.onread(chunk);
  }

  readStart(onread) {
    if (this.closed) return 0;
    this.onread = onread;
    this.reading = true;
    while (this.reading && this.held.length && !this.closed) this.onread(this.held.shift());
    if (this.reading && !this.closed) this.stream.resume();
    return 0;
  }

  readStop() {
    this.reading = false;
    if (!this.closed) this.stream.pause();
    return 0;
  }

  // 0: the callback will run once the Duplex took every part
  write(data, cb) {
    const w = this.stream;
    if (this.closed || typeof w.write !== 'function' || w.destroyed || w.writableEnded) return EPIPE;
    const parts = Array.isArray(data) ? data : [data];
    let left = parts.length;
    let failed = null;
    const entry = { cb };
    this.writes.add(entry);
    const done = (err) => {
      if (err && !failed) failed = err;
      if (--left > 0) return;
      if (!this.writes.delete(entry)) return; // cancelled by close()
      if (cb) cb(failed || null);
    };
    if (parts.length === 0) { left = 1; process.nextTick(done, null); return 0; }
    const s = this.stream;
    if (parts.length > 1) s.cork();
    for (const p of parts) s.write(p, done);
    if (parts.length > 1) s.uncork();
    return 0;
  }

  shutdown(cb) {
    const s = this.stream;
    if (this.closed || typeof s.end !== 'function' || s.destroyed || s.writableFinished) {
      process.nextTick(cb, 0); // nothing (more) to end: a Readable, or gone
      return 0;
    }
    let called = false;
    const finish = () => { if (!called) { called = true; cb(0); } };
    if (s.writableEnded) s.once('finish', finish);
    else s.end(finish);
    s.once('close', finish);
    return 0;
  }

  close(cb) {
    if (this.closed) { if (cb) process.nextTick(cb); return; }
    this.closed = true;
    this.reading = false;
    this.held = [];
    this.writes.clear(); // the socket is going away: nobody waits for them
    const s = this.stream;
    s.removeListener('data', this._onData);
    s.removeListener('end', this._onEnd);
    // As a closed libuv handle ends the connection, the wrapped stream is
    // destroyed too (its 'close' then finds the socket destroyed already).
    if (!s.destroyed) s.destroy();
    setImmediate(() => { if (cb) cb(); });
  }

  ref() {}
  unref() {}
  hasRef() { return false; }
  getFd() { return -1; }
  writeQueueSize() { return 0; }
}

class JSStreamSocket extends net.Socket {
  constructor(stream) {
    const handle = new DuplexHandle(stream);
    super({ handle, pauseOnCreate: true });
    handle.owner = this;
    this.stream = stream;
    this._jsHandle = handle;
    // a one-way stream makes a one-way socket
    this.readable = !!stream.readable;
    this.writable = !!stream.writable;
    // start reading (EOF is seen even if nobody consumes the data)
    this.read(0);
  }
}

module.exports = JSStreamSocket;
