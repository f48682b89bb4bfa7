'use strict';
// tty — isatty, ReadStream and WriteStream.  devrun-js writes to terminals
// synchronously, so WriteStream is the same kind of object as process.stdout
// (internal/streams/stdio_streams' Writable) with the terminal methods
// (columns/rows, getWindowSize, getColorDepth/hasColors, cursor and clearing
// helpers) and a 'resize' event driven by SIGWINCH.  `x instanceof
// tty.WriteStream` holds for process.stdout/stderr when they are terminals,
// as in Node.  ReadStream on fd 0 is process.stdin (setRawMode, isRaw); on
// other descriptors a net.Socket over a TTY handle (setRawMode, isRaw, isTTY).

const stdio = internalBinding('stdio');
const net = require('net');
const streams = require('internal/streams/stdio_streams');
const { watchResize } = require('internal/process/stdio');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && stdio.isatty(fd);
}

function ttyInitError(ctx = { errno: -22, code: 'EINVAL', message: 'invalid argument', syscall: 'uv_tty_init' }) {
  const { SystemError } = require('internal/fs/utils');
  return new SystemError('ERR_TTY_INIT_FAILED', { ...ctx, msgPrefix: 'TTY initialization failed' });
}

function validateFd(fd) {
  if (fd >> 0 !== fd || fd < 0) {
    const { codes: { ERR_INVALID_FD } } = require('internal/errors');
    throw new ERR_INVALID_FD(fd);
  }
}

const Base = require('internal/streams/writable');

function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  validateFd(fd);
  const type = stdio.guessHandleType(fd);
  if (type === 'UNKNOWN' || type === 'INVALID') throw ttyInitError();
  const s = streams.createWritableStdioStream(fd);
  Object.setPrototypeOf(s, WriteStream.prototype);
  s.isTTY = true;
  watchResize(s);
  return s;
}
Object.setPrototypeOf(WriteStream.prototype, Base.prototype);
Object.setPrototypeOf(WriteStream, Base);
// process.stdout/stderr on a terminal count as tty.WriteStreams, as in Node.
Object.defineProperty(WriteStream, Symbol.hasInstance, {
  __proto__: null,
  value(obj) {
    if (Function.prototype[Symbol.hasInstance].call(WriteStream, obj)) return true;
    return obj != null && typeof obj === 'object' && obj._isStdio === true && obj.isTTY === true &&
      typeof obj.write === 'function';
  },
});

// ReadStream: on fd 0 it is process.stdin (binding_stdio.c owns that
// descriptor); on any other descriptor a net.Socket over a libuv TTY handle
// (internalBinding('tty_wrap')), as in Node: it reads only once read from
// (Node's manualStart), so an idle one does not keep the process alive.
function ReadStream(fd, options) {
  validateFd(fd);
  if (fd === 0) {
    const type = stdio.guessHandleType(fd);
    if (type === 'UNKNOWN' || type === 'INVALID') throw ttyInitError();
    return process.stdin;
  }
  const ctx = {};
  const { TTY } = internalBinding('tty_wrap');
  require('internal/async_hooks').instrumentHandle(TTY, () => 'TTYWRAP'); // once
  const handle = new TTY(fd, ctx);
  if (ctx.code !== undefined) throw ttyInitError(ctx);
  const s = Reflect.construct(net.Socket, [{
    readableHighWaterMark: 0,
    ...options,
    handle,
    pauseOnCreate: true,
  }], new.target || ReadStream);
  s.isRaw = false;
  s.isTTY = true;
  return s;
}
Object.setPrototypeOf(ReadStream.prototype, net.Socket.prototype);
Object.setPrototypeOf(ReadStream, net.Socket);

ReadStream.prototype.setRawMode = function setRawMode(flag) {
  flag = !!flag;
  const err = this._handle?.setRawMode(flag);
  if (err) {
    this.emit('error', internalBinding('errors').errnoException(err, 'setRawMode'));
    return this;
  }
  this.isRaw = flag;
  return this;
};

// process.stdin on a terminal counts as a tty.ReadStream, as in Node.
Object.defineProperty(ReadStream, Symbol.hasInstance, {
  __proto__: null,
  value(obj) {
    if (Function.prototype[Symbol.hasInstance].call(ReadStream, obj)) return true;
    return obj != null && typeof obj === 'object' && obj.isTTY === true &&
      typeof obj.setRawMode === 'function';
  },
});

module.exports = { isatty, ReadStream, WriteStream };
