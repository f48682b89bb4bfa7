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
    const handle = nativeSpawn({ ...options, stdio }, (exitCode, signalCode) => this._onExit(exitCode, signalCode));
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

  _onExit(exitCode, signalCode) {
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

function setupChannel(target, pipe) {
  target._channel = pipe;
  target.connected = true;
  let pending = '';
  const decoder = new (require('internal/encoding').TextDecoder)('utf-8');
  let refs = 0;
  const refresh = () => { if (refs > 0) pipe.ref(); else pipe.unref(); };

  pipe.readStart((chunk) => {
    if (chunk === null || chunk instanceof Error) {
      target._disconnect();
      return;
    }
    pending += decoder.decode(chunk, { stream: true });
    let nl;
    while ((nl = pending.indexOf('\n')) !== -1) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (line === '') continue;
      let msg;
      try { msg = JSON.parse(line); } catch { continue; }
      if (msg !== null && typeof msg === 'object' && typeof msg.cmd === 'string' && msg.cmd.startsWith('NODE_')) {
        if (msg.cmd === 'NODE_DISCONNECT') target._disconnect();
        continue;
      }
      target.emit('message', msg, undefined);
    }
  });

  target.on('newListener', (ev) => { if (ev === 'message' || ev === 'disconnect') { refs++; refresh(); } });
  target.on('removeListener', (ev) => { if (ev === 'message' || ev === 'disconnect') { refs--; refresh(); } });
  refresh();

  target.send = function send(message, handle, options, callback) {
    if (typeof handle === 'function') { callback = handle; handle = undefined; options = undefined; }
    else if (typeof options === 'function') { callback = options; options = undefined; }
    if (message === undefined) throw new (lazyErrors().ERR_MISSING_ARGS)('message');
    if (!target.connected) {
      const err = new (lazyErrors().ERR_IPC_CHANNEL_CLOSED)();
      if (typeof callback === 'function') process.nextTick(callback, err);
      else process.nextTick(() => target.emit('error', err));
      return false;
    }
    const data = require('buffer').Buffer.from(`${JSON.stringify(message)}\n`);
    const err = pipe.write(data, (e) => { if (typeof callback === 'function') callback(e || null); });
    if (err === 1 && typeof callback === 'function') process.nextTick(callback, null);
    if (err < 0) {
      const ex = errnoException(err, 'write');
      if (typeof callback === 'function') process.nextTick(callback, ex);
      else process.nextTick(() => target.emit('error', ex));
      return false;
    }
    return true;
  };

  target.disconnect = function disconnect() {
    if (!target.connected) {
      target.emit('error', new (lazyErrors().ERR_IPC_DISCONNECTED)());
      return;
    }
    target._disconnect();
  };

  target._disconnect = function() {
    if (!target.connected) return;
    target.connected = false;
    target._channel = null;
    pipe.readStop();
    pipe.close();
    process.nextTick(() => target.emit('disconnect'));
  };
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
  process.channel = pipe;
  setupChannel(process, pipe);
}

module.exports = { ChildProcess, getValidStdio, setupChildChannel, spawnError };
