'use strict';
// internal/process/stdio — process.stdout, process.stderr and process.stdin,
// made on first use from internal/streams/stdio_streams: stdout/stderr are
// Writables written synchronously (as Node does for files, TTYs and pipes on
// Linux, so output is never lost at exit), stdin a Readable on libuv.
//
// 'resize' on terminal streams (process.stdout/stderr and every
// tty.WriteStream): watchResize() registers a stream; a native SIGWINCH
// watcher (which does not keep the process alive and is invisible to
// process.listeners('SIGWINCH')) runs once any of them has a 'resize'
// listener, and onResize() — called by the signal dispatcher in
// internal/bootstrap/node — emits 'resize' on those whose size changed.

const streams = require('internal/streams/stdio_streams');

const watched = new Set();
const lastSize = new WeakMap();

function watchResize(stream) {
  if (!stream.isTTY) return;
  watched.add(stream);
  lastSize.set(stream, stream.getWindowSize());
  stream.on('newListener', (ev) => {
    if (ev === 'resize') {
      const sig = internalBinding('signal');
      sig.start(sig.signals.SIGWINCH);
    }
  });
}

function onResize() {
  for (const s of watched) {
    const now = s.getWindowSize();
    const last = lastSize.get(s);
    lastSize.set(s, now);
    if (s.listenerCount('resize') > 0 && (!last || now[0] !== last[0] || now[1] !== last[1])) {
      s.emit('resize');
    }
  }
}

let stdout, stderr, stdin;
function getStdout() {
  if (!stdout) {
    stdout = streams.createWritableStdioStream(1);
    watchResize(stdout);
  }
  return stdout;
}
function getStderr() {
  if (!stderr) {
    stderr = streams.createWritableStdioStream(2);
    watchResize(stderr);
  }
  return stderr;
}
function getStdin() {
  if (!stdin) stdin = streams.createStdinStream();
  return stdin;
}

module.exports = { getStdout, getStderr, getStdin, watchResize, onResize };
