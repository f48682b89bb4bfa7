'use strict';
// internal/process/stdio — process.stdout, process.stderr and process.stdin.
//
// stdout/stderr are written synchronously (as Node does for files, TTYs and
// pipes on Linux), so output is never lost at exit.  When the stream module
// exists they are real Writable streams; the small classes here keep the
// writable surface programs use (write/end/on/once, isTTY, columns, fd,
// hasColors, getColorDepth) either way.  stdin reads through libuv.

const EventEmitter = require('events');
const stdio = internalBinding('stdio');

function toBytesOrString(chunk, encoding) {
  if (typeof chunk === 'string') {
    if (encoding && encoding !== 'utf8' && encoding !== 'utf-8' && globalThis.Buffer) {
      return globalThis.Buffer.from(chunk, encoding);
    }
    return chunk;
  }
  if (chunk instanceof Uint8Array) return chunk;
  const { codes } = require('internal/errors');
  throw new codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
}

function getColorDepth(env = process.env) {
  return require('internal/tty/color_depth').getColorDepth(env);
}

class SyncWriteStream extends EventEmitter {
  constructor(fd) {
    super();
    this.fd = fd;
    this._type = stdio.guessHandleType(fd);
    this.isTTY = this._type === 'TTY' ? true : undefined;
    this.writable = true;
    this.destroyed = false;
    this.writableEnded = false;
    this.writableFinished = false;
    this.writableLength = 0;
    this.writableHighWaterMark = 16384;
    this.writableObjectMode = false;
    this.writableCorked = 0;
    this._isStdio = true;
  }
  get columns() { const s = stdio.getWindowSize(this.fd); return s ? s[0] : undefined; }
  get rows() { const s = stdio.getWindowSize(this.fd); return s ? s[1] : undefined; }
  getWindowSize() { return stdio.getWindowSize(this.fd) || [80, 24]; }
  getColorDepth(env) { return this.isTTY ? getColorDepth(env) : 1; }
  hasColors(count, env) {
    if (env === undefined && typeof count === 'object') { env = count; count = 16; }
    if (count === undefined) count = 16;
    return count <= 2 ** this.getColorDepth(env);
  }
  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
    if (this.writableEnded) {
      const { codes } = require('internal/errors');
      const err = new codes.ERR_STREAM_WRITE_AFTER_END();
      process.nextTick(() => { if (cb) cb(err); this.emit('error', err); });
      return false;
    }
    const data = toBytesOrString(chunk, encoding);
    const r = typeof data === 'string' ? stdio.writeString(this.fd, data) : stdio.writeBytes(this.fd, data);
    if (r < 0) {
      const { errnoException } = internalBinding('errors');
      const err = errnoException(r, 'write');
      if (err.code === 'EPIPE') { this.destroyed = true; }
      process.nextTick(() => { if (cb) cb(err); if (this.listenerCount('error')) this.emit('error', err); });
      return false;
    }
    if (cb) process.nextTick(cb, null);
    return true;
  }
  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
    if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    this.writableEnded = true;
    process.nextTick(() => {
      this.writableFinished = true;
      this.emit('finish');
      if (cb) cb();
    });
    return this;
  }
  cork() { this.writableCorked++; }
  uncork() { if (this.writableCorked) this.writableCorked--; }
  setDefaultEncoding() { return this; }
  destroy(err) { this.destroyed = true; if (err) process.nextTick(() => this.emit('error', err)); this.emit('close'); return this; }
  clearLine(dir, cb) { return this.write(dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K', cb); }
  clearScreenDown(cb) { return this.write('\x1b[0J', cb); }
  cursorTo(x, y, cb) {
    if (typeof y === 'function') { cb = y; y = undefined; }
    return this.write(typeof y === 'number' ? `\x1b[${y + 1};${x + 1}H` : `\x1b[${x + 1}G`, cb);
  }
  moveCursor(dx, dy, cb) {
    let s = '';
    if (dx < 0) s += `\x1b[${-dx}D`; else if (dx > 0) s += `\x1b[${dx}C`;
    if (dy < 0) s += `\x1b[${-dy}A`; else if (dy > 0) s += `\x1b[${dy}B`;
    return this.write(s, cb);
  }
}

class StdinStream extends EventEmitter {
  constructor() {
    super();
    this.fd = 0;
    this.isTTY = stdio.guessHandleType(0) === 'TTY' ? true : undefined;
    this.isRaw = false;
    this.readable = true;
    this.readableEnded = false;
    this.readableFlowing = null;
    this._encoding = null;
    this._decoder = null;
    this._buffered = [];
    this._ended = false;
    this._reading = false;
    this.on('newListener', (ev) => {
      if (ev === 'data' && this.readableFlowing !== false) this.resume();
      if (ev === 'readable') this._start();
    });
  }
  _start() {
    if (this._reading || this._ended) return;
    this._reading = true;
    const type = stdio.guessHandleType(0);
    if (type === 'FILE' || type === 'UNKNOWN') {
      // Files (and /dev/null) are read with plain reads, a chunk per turn.
      const fsb = internalBinding('fs');
      const step = () => {
        if (!this._reading) return;
        const buf = new Uint8Array(65536);
        let n;
        try { n = fsb.read(0, buf, 0, buf.length, -1); } catch (e) { this._onData(e); return; }
        if (n === 0) { this._onData(null); return; }
        this._onData(buf.subarray(0, n));
        setImmediate(step);
      };
      setImmediate(step);
      return;
    }
    stdio.readStart((chunk) => this._onData(chunk));
  }
  _onData(chunk) {
    if (chunk === null) {
      this._ended = true;
      this._reading = false;
      this._flushEnd();
      return;
    }
    if (chunk instanceof Error) { this.emit('error', chunk); return; }
    const B = globalThis.Buffer;
    let data = B ? B.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : chunk;
    if (this._encoding) data = this._decode(chunk);
    if (this.readableFlowing) this.emit('data', data);
    else { this._buffered.push(data); this.emit('readable'); }
  }
  _decode(chunk) {
    if (!this._decoder) {
      const { TextDecoder } = require('internal/encoding');
      this._decoder = new TextDecoder('utf-8');
    }
    return this._decoder.decode(chunk, { stream: true });
  }
  _flushEnd() {
    if (this.readableFlowing && this._buffered.length === 0) {
      if (!this.readableEnded) {
        this.readableEnded = true;
        process.nextTick(() => { this.emit('end'); this.emit('close'); });
      }
    } else if (!this.readableFlowing) {
      this.emit('readable');
    }
  }
  setEncoding(enc) { this._encoding = enc || 'utf8'; return this; }
  read() {
    if (this._buffered.length === 0) {
      if (this._ended && !this.readableEnded) {
        this.readableEnded = true;
        process.nextTick(() => { this.emit('end'); this.emit('close'); });
      }
      this._start();
      return null;
    }
    const parts = this._buffered;
    this._buffered = [];
    if (typeof parts[0] === 'string') return parts.join('');
    const B = globalThis.Buffer;
    return B ? B.concat(parts) : parts[0];
  }
  resume() {
    this.readableFlowing = true;
    while (this._buffered.length) this.emit('data', this._buffered.shift());
    if (this._ended) this._flushEnd();
    else { this._start(); stdio.stdinRef(true); }
    return this;
  }
  pause() {
    this.readableFlowing = false;
    if (this._reading) {
      const type = stdio.guessHandleType(0);
      if (type !== 'FILE' && type !== 'UNKNOWN') stdio.readStop();
      this._reading = false;
    }
    return this;
  }
  isPaused() { return this.readableFlowing === false; }
  ref() { stdio.stdinRef(true); return this; }
  unref() { stdio.stdinRef(false); return this; }
  setRawMode(mode) { stdio.setRawMode(!!mode); this.isRaw = !!mode; return this; }
  pipe(dest) { this.on('data', (d) => dest.write(d)); this.on('end', () => { if (!dest._isStdio) dest.end(); }); return dest; }
  destroy() { this.pause(); this._ended = true; this.emit('close'); return this; }
  async *[Symbol.asyncIterator]() {
    const chunks = [];
    let done = false;
    let wake = null;
    let error = null;
    this.on('data', (d) => { chunks.push(d); if (wake) { wake(); wake = null; } });
    this.on('end', () => { done = true; if (wake) { wake(); wake = null; } });
    this.on('error', (e) => { error = e; if (wake) { wake(); wake = null; } });
    for (;;) {
      if (error) throw error;
      if (chunks.length) { yield chunks.shift(); continue; }
      if (done) return;
      await new Promise((r) => { wake = r; });
    }
  }
}

// Real streams (internal/streams/stdio_streams) once the stream module is
// built in; the small classes above remain as the fallback.
function streams() {
  return require.exists('internal/streams/stdio_streams') ? require('internal/streams/stdio_streams') : null;
}

let stdout, stderr, stdin;
// 'resize' on a terminal stdout/stderr: a SIGWINCH watcher runs while
// someone listens for it (the watcher does not keep the process alive).
function watchResize(stream) {
  if (!stream.isTTY) return;
  stream.on('newListener', (ev) => {
    if (ev === 'resize') {
      const sig = internalBinding('signal');
      sig.start(sig.signals.SIGWINCH);
    }
  });
}
function onResize() {
  for (const s of [stdout, stderr]) {
    if (s && s.isTTY && s.listenerCount('resize') > 0) s.emit('resize');
  }
}
function getStdout() {
  if (!stdout) {
    const s = streams();
    stdout = s ? s.createWritableStdioStream(1) : new SyncWriteStream(1);
    watchResize(stdout);
  }
  return stdout;
}
function getStderr() {
  if (!stderr) {
    const s = streams();
    stderr = s ? s.createWritableStdioStream(2) : new SyncWriteStream(2);
    watchResize(stderr);
  }
  return stderr;
}
function getStdin() {
  if (!stdin) { const s = streams(); stdin = s ? s.createStdinStream() : new StdinStream(); }
  return stdin;
}

module.exports = { getStdout, getStderr, getStdin, getColorDepth, SyncWriteStream, onResize };
