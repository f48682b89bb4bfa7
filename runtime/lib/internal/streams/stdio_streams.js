'use strict';
// internal/streams/stdio_streams — process.stdin/stdout/stderr as real
// streams, for internal/process/stdio to return once it switches over:
//
//   const { createWritableStdioStream, createStdinStream } =
//     require('internal/streams/stdio_streams');
//   stdout = createWritableStdioStream(1);
//   stderr = createWritableStdioStream(2);
//   stdin = createStdinStream();
//
// stdout/stderr are Writables that write synchronously through
// internalBinding('stdio') (so nothing is lost at exit, as Node does for
// files, pipes and TTYs on Linux), never close their fd, and keep the tty
// surface programs use (isTTY, columns, rows, getWindowSize, getColorDepth,
// hasColors, cursorTo, moveCursor, clearLine, clearScreenDown).  stdin is a
// Readable that starts reading fd 0 only when first read, stops reading
// (so the process may exit) when paused or when its buffer is full, and has
// ref/unref, plus setRawMode/isRaw on a terminal.  The binding is a parameter so the streams can
// be exercised with a fake one.

const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const { clearLine, clearScreenDown, cursorTo, moveCursor } = require('internal/readline/callbacks');

let Buffer_;
function B() {
  if (Buffer_ === undefined) {
    try {
      Buffer_ = require('buffer').Buffer;
    } catch {
      Buffer_ = globalThis.Buffer;
    }
  }
  return Buffer_;
}

function getColorDepth(env = process.env) {
  return require('internal/tty/color_depth').getColorDepth(env);
}

// The error a failed write/read gives, shaped as Node's: for a file (Node's
// fs.SyncWriteStream) "ENOSPC: no space left on device, write" with errno,
// syscall, code; for a pipe, TTY or socket (Node's net/tty streams)
// "write EPIPE" with errno, code, syscall.
function errnoError(r, syscall, isFile) {
  const errors = internalBinding('errors');
  const code = errors && errors.errName ? errors.errName(r) : `E${-r}`;
  let err;
  if (isFile) {
    const msg = errors && errors.errMessage ? errors.errMessage(r) : 'error';
    err = new Error(`${code}: ${msg}, ${syscall}`);
    err.errno = r;
    err.syscall = syscall;
    err.code = code;
  } else {
    err = new Error(`${syscall} ${code}`);
    err.errno = r;
    err.code = code;
    err.syscall = syscall;
  }
  return err;
}

function createWritableStdioStream(fd, binding = internalBinding('stdio')) {
  const type = binding.guessHandleType(fd);
  const stream = new Writable({
    decodeStrings: false,
    write(chunk, encoding, cb) {
      let r;
      if (typeof chunk === 'string') {
        if (encoding === 'utf8' || encoding === 'utf-8' || encoding === 'buffer') {
          r = binding.writeString(fd, chunk);
        } else {
          r = binding.writeBytes(fd, B().from(chunk, encoding));
        }
      } else {
        r = binding.writeBytes(fd, chunk);
      }
      if (r < 0) cb(errnoError(r, 'write', type === 'FILE'));
      else cb();
    },
    // stdio fds stay open: destroy() only marks the stream destroyed.
    destroy(err, cb) {
      cb(err);
    },
  });
  stream.fd = fd;
  stream._type = type === 'TTY' ? 'tty' : type === 'FILE' ? 'fs' : type === 'PIPE' ? 'pipe' : type;
  stream._isStdio = true;
  stream.destroySoon = stream.destroy;
  if (type === 'TTY') {
    stream.isTTY = true;
    Object.defineProperty(stream, 'columns', {
      __proto__: null, configurable: true, enumerable: true,
      get() { const s = binding.getWindowSize(fd); return s ? s[0] : undefined; },
    });
    Object.defineProperty(stream, 'rows', {
      __proto__: null, configurable: true, enumerable: true,
      get() { const s = binding.getWindowSize(fd); return s ? s[1] : undefined; },
    });
  }
  stream.getWindowSize = () => binding.getWindowSize(fd) || [80, 24];
  stream.getColorDepth = (env) => (stream.isTTY ? getColorDepth(env) : 1);
  stream.hasColors = (count, env) => {
    if (env === undefined && typeof count === 'object') {
      env = count;
      count = 16;
    }
    if (count === undefined) count = 16;
    return count <= 2 ** stream.getColorDepth(env);
  };
  stream.clearLine = (dir, cb) => clearLine(stream, dir, cb);
  stream.clearScreenDown = (cb) => clearScreenDown(stream, cb);
  stream.cursorTo = (x, y, cb) => cursorTo(stream, x, y, cb);
  stream.moveCursor = (dx, dy, cb) => moveCursor(stream, dx, dy, cb);
  return stream;
}

function createStdinStream(binding = internalBinding('stdio')) {
  let reading = false;
  const stream = new Readable({
    highWaterMark: 64 * 1024,
    read() {
      if (!reading) {
        reading = true;
        binding.readStart(onData);
      }
    },
    destroy(err, cb) {
      stopReading();
      cb(err);
    },
  });

  function stopReading() {
    if (reading) {
      reading = false;
      binding.readStop();
    }
  }

  function onData(chunk) {
    if (chunk === null) {
      reading = false;
      stream.push(null);
    } else if (chunk instanceof Error) {
      reading = false;
      stream.destroy(chunk);
    } else {
      const buf = B().from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      if (!stream.push(buf)) stopReading();
    }
  }

  // A paused stdin stops reading (a tick later, once the stream itself has
  // stopped) so that the process can exit; the pending _read() is forgotten
  // so that the next read starts fd 0 again.
  stream.on('pause', () => {
    process.nextTick(() => {
      if (reading && !stream.readableFlowing) {
        stream._readableState.reading = false;
        stopReading();
      }
    });
  });

  stream.fd = 0;
  // Like Node, only a terminal stdin has isRaw/setRawMode (readline checks
  // for the method).
  if (binding.guessHandleType(0) === 'TTY') {
    stream.isTTY = true;
    stream.isRaw = false;
    stream.setRawMode = (mode) => {
      mode = !!mode;
      const r = binding.setRawMode(mode);
      if (typeof r === 'number' && r < 0) throw errnoError(r, 'setRawMode', false);
      stream.isRaw = mode;
      return stream;
    };
  }
  stream.ref = () => {
    binding.stdinRef(true);
    return stream;
  };
  stream.unref = () => {
    binding.stdinRef(false);
    return stream;
  };
  return stream;
}

module.exports = { createWritableStdioStream, createStdinStream, getColorDepth };
