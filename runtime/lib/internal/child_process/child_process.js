'use strict';
// internal/child_process/child_process — ChildProcess on
// internalBinding('process_wrap'), stdio normalisation and the IPC channel
// (newline-delimited JSON over a pipe, as Node's "json" serialization, so a
// devrun-js parent and a node child — or the reverse — understand each other).

const EventEmitter = require('events');
const { Pipe } = internalBinding('pipe_wrap');
const { spawn: nativeSpawn } = internalBinding('process_wrap');
const { errnoException } = internalBinding('errors');
const { signals } = internalBinding('signal');
const { HandleStream } = require('internal/stream_handle');
const asyncHooks = require('internal/async_hooks');
asyncHooks.instrumentStreamHandles(); // the stdio pipes are PIPEWRAPs for async_hooks

function lazyErrors() { return require('internal/errors').codes; }

function stdioStringToArray(stdio, channel) {
  const options = [];
  switch (stdio) {
    case 'ignore': case 'overlapped': case 'pipe': options.push(stdio, stdio, stdio); break;
    case 'inherit': options.push(0, 1, 2); break;
    default: throw new (lazyErrors().ERR_INVALID_ARG_VALUE)('stdio', stdio);
  }
  if (channel) options.push(channel);
  return options;
}

function getValidStdio(stdio, sync) {
  let ipc;
  let ipcFd;
  if (typeof stdio === 'string') stdio = stdioStringToArray(stdio);
  else if (!Array.isArray(stdio)) throw new (lazyErrors().ERR_INVALID_ARG_VALUE)('stdio', stdio);
  while (stdio.length < 3) stdio.push(undefined);
  const out = [];
  stdio.forEach((s, i) => {
    if (s === null || s === undefined) s = i < 3 ? 'pipe' : 'ignore';
    if (s === 'ignore') out.push({ type: 'ignore' });
    else if (s === 'pipe' || s === 'overlapped' || (typeof s === 'number' && false)) {
      out.push(sync ? { type: 'pipe', readable: i === 0, writable: i !== 0 } : { type: 'pipe', handle: new Pipe(false) });
    } else if (s === 'ipc') {
      if (sync || ipc !== undefined) {
        if (!sync) throw new (lazyErrors().ERR_IPC_ONE_PIPE)();
        throw new (lazyErrors().ERR_IPC_SYNC_FORK)();
      }
      ipc = new Pipe(true);
      ipcFd = i;
      out.push({ type: 'pipe', handle: ipc, ipc: true });
    } else if (s === 'inherit') {
      out.push({ type: 'inherit', fd: i });
    } else if (typeof s === 'number') {
      out.push({ type: 'fd', fd: s });
    } else if (s && typeof s === 'object' && typeof s.fd === 'number') {
      out.push({ type: 'fd', fd: s.fd });
    } else if (s && typeof s === 'object' && s._handle && typeof s._handle.getFd === 'function') {
      out.push({ type: 'fd', fd: s._handle.getFd() });
    } else {
      throw new (lazyErrors().ERR_INVALID_ARG_VALUE)('stdio', s);
    }
  });
  return { stdio: out, ipc, ipcFd };
}

function spawnError(err, file, args) {
  const e = errnoException(err, `spawn ${file}`);
  e.message = `spawn ${file} ${e.code}`;
  e.path = file;
  e.spawnargs = args.slice(1);
  return e;
}

class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this._closesNeeded = 1;
    this._closesGot = 0;
    this.connected = false;
    this.signalCode = null;
    this.exitCode = null;
    this.killed = false;
    this.spawnfile = null;
    this._handle = null;
    this.stdin = null;
    this.stdout = null;
    this.stderr = null;
    this.stdio = [];
  }

  spawn(options) {
    const { stdio, ipc, ipcFd } = getValidStdio(options.stdio || 'pipe', false);
    if (ipc !== undefined) {
      options.envPairs = options.envPairs || [];
      options.envPairs.push(`NODE_CHANNEL_FD=${ipcFd}`);
      options.envPairs.push(`NODE_CHANNEL_SERIALIZATION_MODE=${options.serialization || 'json'}`);
    }
    this.spawnfile = options.file;
    this.spawnargs = options.args;
    // the exit callback runs in a PROCESSWRAP resource (async_hooks)
    const onExit = asyncHooks.wrapCallback('PROCESSWRAP', (exitCode, signalCode) => this._onExit(exitCode, signalCode), undefined, this);
    const handle = nativeSpawn({ ...options, stdio }, onExit);
    if (typeof handle === 'number') {
      const err = handle;
      for (const s of stdio) if (s.handle) s.handle.close();
      // ENOENT, EACCES, EAGAIN, EMFILE, ENFILE: reported as 'error', as Node
      if ([-2, -13, -11, -24, -23].includes(err)) {
        process.nextTick(() => this._onError(spawnError(err, this.spawnfile, this.spawnargs)));
        process.nextTick(() => this._maybeClose());
        return err;
      }
      throw spawnError(err, this.spawnfile, this.spawnargs);
    }
    this._handle = handle;
    this.pid = handle.pid;
    process.nextTick(() => this.emit('spawn'));
    stdio.forEach((s, i) => {
      if (s.ipc) { this.stdio.push(null); return; }
      if (s.type !== 'pipe') { this.stdio.push(null); return; }
      const stream = new HandleStream(s.handle, i === 0 ? { readable: false } : { writable: false });
      if (i > 0) {
        this._closesNeeded++;
        stream.on('close', () => this._maybeClose());
      } else {
        stream.on('error', () => {}); // EPIPE on a child that does not read
      }
      this.stdio.push(stream);
    });
    this.stdin = this.stdio[0] || null;
    this.stdout = this.stdio[1] || null;
    this.stderr = this.stdio[2] || null;
    if (ipc !== undefined) setupChannel(this, ipc);
    return 0;
  }

  _onError(err) {
    if (this.listenerCount('error') === 0 && this._handle === null && this.exitCode === null) {
      this.emit('error', err);
      return;
    }
    this.emit('error', err);
  }

  _onExit(exitCode, signalCode, afterChannel) {
    // The child's end of the IPC channel closed before it exited, so its
    // EOF is on the way: 'disconnect' comes before 'exit', as in Node (whose
    // libuv reaps children a loop phase later than Debian's, and which
    // reads the EOF first).
    if (this.channel && !afterChannel) {
      // (a grandchild that inherited the channel could keep it open: not
      // longer than a moment)
      let called = false;
      const go = () => {
        if (called) return;
        called = true;
        clearTimeout(timer);
        this._onExit(exitCode, signalCode, true);
      };
      const timer = setTimeout(go, 250);
      this[kAfterDisconnect] = go;
      return;
    }
    if (signalCode) this.signalCode = signalCode;
    else this.exitCode = exitCode;
    if (this.stdin) this.stdin.destroy();
    // Output nobody reads is drained so that 'close' can follow (Node's flushStdio).
    for (let i = 1; i < this.stdio.length; i++) {
      const s = this.stdio[i];
      if (s && !s.destroyed && s.readableFlowing !== true && s.listenerCount('data') === 0 &&
          !(s._readableState && s._readableState.readableListening)) {
        s.resume();
      }
    }
    if (this._handle) this._handle.close();
    this._handle = null;
    this.emit('exit', this.exitCode, this.signalCode);
    process.nextTick(() => this._maybeClose());
  }

  _maybeClose() {
    this._closesGot++;
    if (this._closesGot === this._closesNeeded) this.emit('close', this.exitCode, this.signalCode);
  }

  kill(sig) {
    let signal;
    if (sig === 0) signal = 0;
    else if (sig === undefined) signal = signals.SIGTERM;
    else if (typeof sig === 'number') signal = sig;
    else if (typeof sig === 'string' && signals[sig] !== undefined) signal = signals[sig];
    else throw new (lazyErrors().ERR_UNKNOWN_SIGNAL)(sig);
    if (this._handle) {
      const err = this._handle.kill(signal);
      if (err === 0) { this.killed = true; return true; }
      if (err === -3 /* ESRCH */) return false;
      this.emit('error', errnoException(err, 'kill'));
    }
    return false;
  }

  ref() { if (this._handle) this._handle.ref(); }
  unref() { if (this._handle) this._handle.unref(); }
  [Symbol.dispose]() { if (!this.killed) this.kill(); }
}

// ---- IPC: newline-delimited JSON over a pipe --------------------------------
//
// Messages whose `cmd` starts with NODE_ are internal: they are emitted as
// 'internalMessage' (cluster's bookkeeping travels that way) and never reach
// 'message' listeners.  Handle passing follows Node's protocol, so that a
// devrun-js parent and a node child (or the reverse) can pass sockets:
//
//   send(msg, handle)  ->  {"cmd":"NODE_HANDLE","type":"net.Socket","msg":msg}
//                          written with uv_write2, the socket attached
//   receiver           ->  {"cmd":"NODE_HANDLE_ACK"} (or NODE_HANDLE_NACK when
//                          the message came without its socket: resent up to
//                          three times)
//
// Until the ACK arrives every further message waits in target._handleQueue,
// so that there is only one handle in flight and messages keep their order.
// A socket sent without keepOpen is detached from its net.Socket at once
// and its handle closed when the ACK arrives.  The receiver turns the handle
// back into the sender's kind of object (handleConversion) and emits
// 'message' with it as the second argument.

const kMaxHandleRetransmissions = 3;

function lazyNet() { return require('net'); }
function lazyBinding() {
  return { TCP: internalBinding('tcp_wrap').TCP, Pipe, UDP: internalBinding('udp_wrap').UDP };
}

function handleErrors() {
  const { E, codes } = require('internal/errors');
  if (!codes.ERR_INVALID_HANDLE_TYPE) E('ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent', TypeError);
  if (!codes.ERR_CHILD_CLOSED_BEFORE_REPLY) E('ERR_CHILD_CLOSED_BEFORE_REPLY', 'Child closed before reply received', Error);
  return codes;
}

// Sockets of a server sent to another process stay the server's business:
// server.close() waits until the receiver has closed them and
// server.getConnections() counts them.  The sender keeps a SocketListSend
// per server and channel, the receiver a SocketListReceive per server key
// (the key travels with each socket); they talk with NODE_SOCKET_*
// messages, as Node's.
class SocketListSend extends EventEmitter {
  constructor(child, key) {
    super();
    this.key = key;
    this.child = child;
    child.once('exit', () => this.emit('exit', this));
  }

  _request(msg, replyCmd, swallowErrors, callback) {
    const child = this.child;
    const onclose = () => {
      child.removeListener('internalMessage', onreply);
      callback(new (handleErrors().ERR_CHILD_CLOSED_BEFORE_REPLY)());
    };
    const onreply = (m) => {
      if (m.cmd !== replyCmd || m.key !== this.key) return;
      child.removeListener('disconnect', onclose);
      child.removeListener('internalMessage', onreply);
      callback(null, m);
    };
    if (!child.connected) { onclose(); return; }
    child._send(msg, undefined, swallowErrors);
    child.once('disconnect', onclose);
    child.on('internalMessage', onreply);
  }

  close(callback) {
    this._request({ cmd: 'NODE_SOCKET_NOTIFY_CLOSE', key: this.key }, 'NODE_SOCKET_ALL_CLOSED', true, callback);
  }

  getConnections(callback) {
    this._request({ cmd: 'NODE_SOCKET_GET_COUNT', key: this.key }, 'NODE_SOCKET_COUNT', false,
      (err, m) => (err ? callback(err) : callback(null, m.count)));
  }
}

class SocketListReceive extends EventEmitter {
  constructor(child, key) {
    super();
    this.connections = 0;
    this.key = key;
    this.child = child;
    const onempty = () => {
      if (child.connected) child._send({ cmd: 'NODE_SOCKET_ALL_CLOSED', key }, undefined, true);
    };
    child.on('internalMessage', (m) => {
      if (m.key !== key) return;
      if (m.cmd === 'NODE_SOCKET_NOTIFY_CLOSE') {
        if (this.connections === 0) onempty();
        else this.once('empty', onempty);
      } else if (m.cmd === 'NODE_SOCKET_GET_COUNT') {
        if (child.connected) child._send({ cmd: 'NODE_SOCKET_COUNT', key, count: this.connections });
      }
    });
  }

  add({ socket }) {
    this.connections++;
    socket.once('close', () => {
      if (--this.connections === 0) this.emit('empty', this);
    });
  }
}

const kSocketLists = Symbol('socketLists');
const kAfterDisconnect = Symbol('afterDisconnect'); // a child's 'exit' waiting for it
function getSocketList(type, target, key) {
  const lists = target[kSocketLists][type];
  if (!lists.has(key)) lists.set(key, new (type === 'send' ? SocketListSend : SocketListReceive)(target, key));
  return lists.get(key);
}

const handleConversion = {
  'net.Native': {
    send(message, handle) { return handle; },
    got(message, handle, emit) { emit(handle); },
  },
  'net.Server': {
    send(message, server) { return server._handle; },
    got(message, handle, emit) {
      const server = new (lazyNet().Server)();
      server.listen(handle, () => emit(server));
    },
  },
  'net.Socket': {
    send(message, socket, options) {
      const handle = socket._handle;
      if (!handle) return undefined;
      if (socket.server) {
        // The server keeps count of the connection through the receiver.
        message.key = socket.server._connectionKey;
        const firstTime = !this[kSocketLists].send.has(message.key);
        const socketList = getSocketList('send', this, message.key);
        if (firstTime) socket.server._setupWorker(socketList);
        if (!options.keepOpen) {
          socket.server._connections--;
          socket._server = null;
        }
      }
      if (!options.keepOpen) {
        // Detached at once: nothing more is read here (Node leaves the
        // handle reading into a no-op until the ACK; stopping is kinder to
        // data that arrives meanwhile, which stays in the kernel for the
        // receiver).
        if (socket._reading) { handle.readStop(); socket._reading = false; }
        socket._handle = null;
        socket.setTimeout(0);
      }
      return handle;
    },
    postSend(message, handle, options, callback, target) {
      if (!handle || options.keepOpen) return;
      // Closed when the receiver acknowledges it (kept for a resend on NACK).
      if (target) target._pendingMessage = { callback, message, handle, options, retransmissions: 0 };
      else handle.close();
    },
    got(message, handle, emit) {
      const socket = new (lazyNet().Socket)({ handle, readable: true, writable: true });
      if (message.key) getSocketList('got', this, message.key).add({ socket });
      emit(socket);
    },
  },
  'dgram.Native': {
    send(message, handle) { return handle; },
    got(message, handle, emit) { emit(handle); },
  },
  'dgram.Socket': {
    send(message, socket) {
      message.dgramType = socket.type;
      return socket[require('internal/dgram').kStateSymbol].handle;
    },
    got(message, handle, emit) {
      const socket = new (require('dgram').Socket)(message.dgramType);
      socket.bind(handle, () => emit(socket));
    },
  },
};

function isInternalMessage(msg) {
  return msg !== null && typeof msg === 'object' && typeof msg.cmd === 'string' &&
    msg.cmd.length > 5 && msg.cmd.startsWith('NODE_');
}

// What process.channel / subprocess.channel is: ref()/unref() of the pipe,
// and the counting that keeps it referenced while someone listens.
class Control extends EventEmitter {
  #channel;
  #refs = 0;
  #explicit = false;
  constructor(channel) { super(); this.#channel = channel; }
  refCounted() { if (++this.#refs === 1 && !this.#explicit) this.#channel.ref(); }
  unrefCounted() {
    if (--this.#refs === 0 && !this.#explicit) { this.#channel.unref(); this.emit('unref'); }
  }
  ref() { this.#explicit = true; this.#channel.ref(); }
  unref() { this.#explicit = true; this.#channel.unref(); }
  get fd() { return this.#channel ? this.#channel.getFd() : undefined; }
}

function setupChannel(target, pipe) {
  const control = new Control(pipe);
  target.channel = control;
  target._channel = control;
  target.connected = true;
  target._handleQueue = null;
  target._pendingMessage = null;
  target[kSocketLists] = { send: new Map(), got: new Map() };
  let pending = '';
  const decoder = new (require('internal/encoding').TextDecoder)('utf-8');
  const received = []; // sockets that came with the data read so far
  pipe.unref();

  function emitMessage(message, handle, internal) {
    if (!target.channel) return;
    process.nextTick(() => target.emit(internal ? 'internalMessage' : 'message', message, handle));
  }

  function acceptReceived() {
    const { TCP, UDP } = lazyBinding();
    while (pipe.pendingCount() > 0) {
      if (pipe.pendingType() === 'udp') {
        const fd = pipe.acceptPendingFd();
        if (fd < 0) break;
        const h = new UDP();
        if (h.open(fd) < 0) { h.close(); require('fs').closeSync(fd); continue; }
        received.push(h);
        continue;
      }
      const h = pipe.pendingType() === 'tcp' ? new TCP() : new Pipe(false);
      if (pipe.acceptPending(h) < 0) { h.close(); break; }
      received.push(h);
    }
  }

  pipe.readStart((chunk) => {
    if (chunk === null || chunk instanceof Error) {
      for (const h of received.splice(0)) h.close();
      target.connected = false;
      target._disconnect();
      return;
    }
    acceptReceived();
    pending += decoder.decode(chunk, { stream: true });
    let nl;
    while ((nl = pending.indexOf('\n')) !== -1) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (line === '') continue;
      let msg;
      try { msg = JSON.parse(line); } catch { continue; }
      if (isInternalMessage(msg)) {
        if (msg.cmd === 'NODE_DISCONNECT') { target._disconnect(); continue; }
        emitMessage(msg, msg.cmd === 'NODE_HANDLE' ? received.shift() : undefined, true);
      } else {
        emitMessage(msg, undefined, false);
      }
    }
  });

  target.on('newListener', (ev) => { if (ev === 'message' || ev === 'disconnect') control.refCounted(); });
  target.on('removeListener', (ev) => { if (ev === 'message' || ev === 'disconnect') control.unrefCounted(); });

  target.on('internalMessage', (message, handle) => {
    if (message.cmd === 'NODE_HANDLE_ACK') {
      const sent = target._pendingMessage;
      target._pendingMessage = null;
      if (sent) sent.handle.close();
      const queue = target._handleQueue || [];
      target._handleQueue = null;
      for (const q of queue) target._send(q.message, q.handle, q.options, q.callback);
      // a disconnect() that waited for the queue
      if (!target.connected && target.channel && !target._handleQueue) target._disconnect();
      return;
    }
    if (message.cmd === 'NODE_HANDLE_NACK') {
      // The receiver got the message without its socket: send both again.
      const sent = target._pendingMessage;
      if (!sent) return;
      if (sent.retransmissions++ < kMaxHandleRetransmissions &&
          writeMessage(sent.message, sent.handle, () => control.unrefCounted()) === 0) {
        control.refCounted();
        return;
      }
      target._pendingMessage = null;
      sent.handle.close();
      process.emitWarning('Handle did not reach the receiving process correctly', 'SentHandleNotReceivedWarning');
      return;
    }
    if (message.cmd !== 'NODE_HANDLE') return;
    if (!handle) { target._send({ cmd: 'NODE_HANDLE_NACK' }, null, true); return; }
    // The ACK is not the user's doing: failing to send it is not an error.
    target._send({ cmd: 'NODE_HANDLE_ACK' }, null, true);
    const conv = handleConversion[message.type];
    if (!conv) { handle.close(); return; }
    conv.got.call(target, message, handle, (obj) => {
      emitMessage(message.msg, obj, isInternalMessage(message.msg));
    });
  });

  // 1: written at once, 0: queued (done() follows), < 0: errno
  function writeMessage(message, handle, done) {
    const data = require('buffer').Buffer.from(`${JSON.stringify(message)}\n`);
    if (!handle) return pipe.write(data, done);
    // only libuv TCP, pipe and UDP handles can travel (not a TTY, nor TLS's
    // JavaScript handle)
    const { TCP, UDP } = lazyBinding();
    if (handle instanceof UDP) return pipe.writeHandle(data, handle.getFd(), done);
    if (!(handle instanceof TCP || handle instanceof Pipe)) return -9; // EBADF
    return pipe.writeHandle(data, handle, done);
  }

  target.send = function send(message, handle, options, callback) {
    if (typeof handle === 'function') { callback = handle; handle = undefined; options = undefined; }
    else if (typeof options === 'function') { callback = options; options = undefined; }
    else if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw new (lazyErrors().ERR_INVALID_ARG_TYPE)('options', 'Object', options);
    }
    options = { swallowErrors: false, ...options };
    if (target.connected) return target._send(message, handle, options, callback);
    const err = new (lazyErrors().ERR_IPC_CHANNEL_CLOSED)();
    if (typeof callback === 'function') process.nextTick(callback, err);
    else process.nextTick(() => target.emit('error', err));
    return false;
  };

  target._send = function _send(message, handle, options, callback) {
    if (message === undefined) throw new (lazyErrors().ERR_MISSING_ARGS)('message');
    if (typeof message !== 'string' && typeof message !== 'object' &&
        typeof message !== 'number' && typeof message !== 'boolean') {
      throw new (lazyErrors().ERR_INVALID_ARG_TYPE)('message', ['string', 'object', 'number', 'boolean'], message);
    }
    if (typeof options === 'boolean') options = { swallowErrors: options };
    let conv;
    if (handle) {
      message = { cmd: 'NODE_HANDLE', type: null, msg: message };
      const net = lazyNet();
      const { TCP, UDP } = lazyBinding();
      if (handle instanceof net.Socket) message.type = 'net.Socket';
      else if (handle instanceof net.Server) message.type = 'net.Server';
      else if (handle instanceof TCP || handle instanceof Pipe) message.type = 'net.Native';
      else if (handle instanceof require('dgram').Socket) message.type = 'dgram.Socket';
      else if (handle instanceof UDP) message.type = 'dgram.Native';
      else throw new (handleErrors().ERR_INVALID_HANDLE_TYPE)();
      if (target._handleQueue) {
        target._handleQueue.push({ callback, handle, options, message: message.msg });
        return target._handleQueue.length === 1;
      }
      conv = handleConversion[message.type];
      handle = conv.send.call(target, message, handle, options);
      // A socket without a handle (destroyed, or sent before) goes as text.
      if (!handle) message = message.msg;
    } else if (target._handleQueue &&
               !(message && (message.cmd === 'NODE_HANDLE_ACK' || message.cmd === 'NODE_HANDLE_NACK'))) {
      target._handleQueue.push({ callback, handle: null, options, message });
      return target._handleQueue.length === 1;
    }
    const done = () => { control.unrefCounted(); if (typeof callback === 'function') callback(null); };
    const err = writeMessage(message, handle, done);
    if (err >= 0) {
      if (handle) {
        if (!target._handleQueue) target._handleQueue = [];
        if (conv.postSend) conv.postSend(message, handle, options, callback, target);
      }
      if (err === 0) control.refCounted(); // queued: done() follows
      else if (typeof callback === 'function') process.nextTick(callback, null);
    } else {
      if (conv && conv.postSend) conv.postSend(message, handle, options, callback);
      if (!options.swallowErrors) {
        const ex = errnoException(err, 'write');
        if (typeof callback === 'function') process.nextTick(callback, ex);
        else process.nextTick(() => target.emit('error', ex));
      }
      return false;
    }
    // If the other side is more than two reads behind, ask the caller to wait.
    return pipe.writeQueueSize() < 65536 * 2;
  };

  // connected turns false at disconnect(); the pipe closes once the handle
  // queue is empty (target.channel turns null then).
  target.disconnect = function disconnect() {
    if (!target.connected) {
      target.emit('error', new (lazyErrors().ERR_IPC_DISCONNECTED)());
      return;
    }
    target.connected = false;
    if (!target._handleQueue) target._disconnect();
  };

  target._disconnect = function() {
    if (!target.channel) return;
    target.connected = false;
    target.channel = null;
    target._channel = null;
    if (target._pendingMessage) {
      target._pendingMessage.handle.close();
      target._pendingMessage = null;
    }
    pipe.readStop();
    process.nextTick(() => {
      pipe.close();
      for (const h of received.splice(0)) h.close();
      target.emit('disconnect');
      const afterDisconnect = target[kAfterDisconnect];
      target[kAfterDisconnect] = null;
      if (afterDisconnect) afterDisconnect();
    });
  };
  return control;
}

// In a child started with an IPC channel: process.send & co.
function setupChildChannel() {
  const fd = process.env.NODE_CHANNEL_FD;
  if (fd === undefined) return;
  const n = parseInt(fd, 10);
  delete process.env.NODE_CHANNEL_FD;
  delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
  if (!(n >= 0)) return;
  const pipe = new Pipe(true);
  if (pipe.open(n) < 0) return;
  setupChannel(process, pipe);
  // A cluster worker says 'online' before the program runs, as in Node
  // (NODE_UNIQUE_ID is not inherited further).
  if (process.env.NODE_UNIQUE_ID !== undefined && process.argv[1]) {
    require('cluster')._setupWorker();
    delete process.env.NODE_UNIQUE_ID;
  }
}

module.exports = { ChildProcess, getValidStdio, setupChildChannel, spawnError };
