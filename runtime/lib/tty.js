'use strict';
// tty — isatty, ReadStream and WriteStream.  devrun-js writes to terminals
// synchronously, so WriteStream is the same class family as process.stdout
// (internal/process/stdio's SyncWriteStream) with the terminal methods
// (columns/rows, getWindowSize, getColorDepth/hasColors, cursor and clearing
// helpers) and a 'resize' event driven by SIGWINCH.  `x instanceof
// tty.WriteStream` holds for process.stdout/stderr when they are terminals,
// as in Node.  ReadStream on fd 0 is process.stdin (setRawMode, isRaw).

const stdio = internalBinding('stdio');
const { SyncWriteStream } = require('internal/process/stdio');
const { validateInteger } = require('internal/validators');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && stdio.isatty(fd);
}

function ttyInitError(fd) {
  const err = new Error('TTY initialization failed: uv_tty_init returned EINVAL (invalid argument)');
  err.code = 'ERR_TTY_INIT_FAILED';
  err.errno = -22;
  err.syscall = 'uv_tty_init';
  err.info = { errno: -22, code: 'EINVAL', message: 'invalid argument', syscall: 'uv_tty_init' };
  return err;
}

class WriteStream extends SyncWriteStream {
  constructor(fd) {
    validateInteger(fd, 'fd', 0, 2147483647);
    if (!stdio.isatty(fd)) throw ttyInitError(fd);
    super(fd);
    this.isTTY = true;
    watchResize(this);
  }

  static [Symbol.hasInstance](obj) {
    return obj instanceof SyncWriteStream && obj.isTTY === true;
  }
}

// Emits 'resize' on stream when the terminal size changes, while someone
// listens for it.
function watchResize(stream) {
  let last = stream.getWindowSize();
  let listening = false;
  const onWinch = () => {
    const now = stream.getWindowSize();
    if (now[0] !== last[0] || now[1] !== last[1]) {
      last = now;
      stream.emit('resize');
    }
  };
  stream.on('newListener', (ev) => {
    if (ev === 'resize' && !listening) {
      listening = true;
      process.on('SIGWINCH', onWinch);
    }
  });
  stream.on('removeListener', (ev) => {
    if (ev === 'resize' && listening && stream.listenerCount('resize') === 0) {
      listening = false;
      process.removeListener('SIGWINCH', onWinch);
    }
  });
}

function ReadStream(fd, options) {
  validateInteger(fd, 'fd', 0, 2147483647);
  if (!stdio.isatty(fd)) throw ttyInitError(fd);
  void options;
  if (fd !== 0) {
    const { codes: { ERR_METHOD_NOT_IMPLEMENTED } } = require('internal/errors');
    throw new ERR_METHOD_NOT_IMPLEMENTED('tty.ReadStream on a descriptor other than 0');
  }
  return process.stdin;
}
Object.defineProperty(ReadStream, Symbol.hasInstance, {
  __proto__: null,
  value(obj) {
    return obj != null && typeof obj === 'object' && obj.isTTY === true &&
      typeof obj.setRawMode === 'function';
  },
});

module.exports = { isatty, ReadStream, WriteStream };
