'use strict';
// child_process — spawn, exec, execFile, fork and their synchronous forms,
// on internalBinding('process_wrap') (libuv's uv_spawn).  Behaviour and
// errors as Node 20 documents them: 'spawn'/'error'/'exit'/'close' events,
// ENOENT reported on 'error', maxBuffer and timeout with killSignal,
// execSync/execFileSync throwing with status/signal/stdout/stderr.

const { ChildProcess, getValidStdio, spawnError } = require('internal/child_process/child_process');
const { spawnSync: nativeSpawnSync } = internalBinding('process_wrap');
const { signals } = internalBinding('signal');
const { errnoException } = internalBinding('errors');
const { Buffer } = require('buffer');

function codes() { return require('internal/errors').codes; }

function validateString(v, name) {
  if (typeof v !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'string', v);
}

function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file');
  if (file.length === 0) throw new (codes().ERR_INVALID_ARG_VALUE)('file', file, 'cannot be empty');
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args === undefined || args === null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw new (codes().ERR_INVALID_ARG_TYPE)('args', 'object', args);
  } else {
    options = args;
    args = [];
  }
  if (options === undefined) options = {};
  else if (options === null || typeof options !== 'object') {
    throw new (codes().ERR_INVALID_ARG_TYPE)('options', 'object', options);
  }
  let cwd = options.cwd;
  if (cwd !== undefined && cwd !== null) {
    if (typeof cwd === 'object' && cwd.href) cwd = require('internal/modules/esm').fileURLToPath(cwd.href);
    validateString(cwd, 'options.cwd');
  }
  if (options.shell) {
    const command = args.length ? `${file} ${args.join(' ')}` : file;
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }
  if (typeof options.argv0 === 'string') args.unshift(options.argv0);
  else args.unshift(file);
  const env = options.env || process.env;
  const envPairs = [];
  for (const key of Object.keys(env)) {
    const value = env[key];
    if (value !== undefined) envPairs.push(`${key}=${value}`);
  }
  return {
    ...options, args, cwd, detached: !!options.detached, envPairs, file,
    windowsHide: !!options.windowsHide,
  };
}

function spawn(file, args, options) {
  const opts = normalizeSpawnArguments(file, args, options);
  const child = new ChildProcess();
  child.spawn({
    file: opts.file, args: opts.args, cwd: opts.cwd, envPairs: opts.envPairs,
    stdio: opts.stdio, detached: opts.detached, uid: opts.uid, gid: opts.gid,
    serialization: opts.serialization,
  });
  if (opts.timeout > 0) {
    let timer = setTimeout(() => {
      if (timer) { try { child.kill(opts.killSignal); } catch (e) { child.emit('error', e); } timer = null; }
    }, opts.timeout);
    child.once('exit', () => { if (timer) { clearTimeout(timer); timer = null; } });
  }
  if (opts.signal) {
    const signal = opts.signal;
    const onAbort = () => {
      child.kill(opts.killSignal);
      const { AbortError } = require('internal/errors');
      child.emit('error', new AbortError(undefined, { cause: signal.reason }));
    };
    if (signal.aborted) process.nextTick(onAbort);
    else {
      signal.addEventListener('abort', onAbort, { once: true });
      child.once('exit', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return child;
}

function normalizeExecArgs(command, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  options = { ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return { file: command, options, callback };
}

function exec(command, options, callback) {
  const opts = normalizeExecArgs(command, options, callback);
  return execFile(opts.file, opts.options, opts.callback);
}

function execFile(file, args, options, callback) {
  if (typeof args === 'function') { callback = args; args = []; options = {}; }
  else if (args !== null && typeof args === 'object' && !Array.isArray(args)) { callback = options; options = args; args = []; }
  if (typeof options === 'function') { callback = options; options = {}; }
  options = { encoding: 'utf8', timeout: 0, maxBuffer: 1024 * 1024, killSignal: 'SIGTERM', ...options };
  const child = spawn(file, args || [], {
    cwd: options.cwd, env: options.env, gid: options.gid, shell: options.shell,
    signal: options.signal, uid: options.uid, windowsHide: !!options.windowsHide,
  });
  const encoding = options.encoding;
  const stdoutChunks = [];
  const stderrChunks = [];
  let stdoutLen = 0;
  let stderrLen = 0;
  let killed = false;
  let exited = false;
  let timeoutId;
  let ex = null;
  const cmd = options.shell ? file : [file, ...(args || [])].join(' ');

  function collect(chunks) {
    const buf = Buffer.concat(chunks);
    return encoding && encoding !== 'buffer' && Buffer.isEncoding(encoding) ? buf.toString(encoding) : buf;
  }

  function exithandler(code, signal) {
    if (exited) return;
    exited = true;
    if (timeoutId) { clearTimeout(timeoutId); timeoutId = null; }
    if (!callback) return;
    const stdout = collect(stdoutChunks);
    const stderr = collect(stderrChunks);
    if (!ex && code === 0 && signal === null) { callback(null, stdout, stderr); return; }
    if (!ex) {
      ex = new Error(`Command failed: ${cmd}\n${stderr}`);
      ex.code = code < 0 ? require('util').getSystemErrorName(code) : code;
      ex.killed = child.killed || killed;
      ex.signal = signal;
    }
    ex.cmd = cmd;
    callback(ex, stdout, stderr);
  }

  function errorhandler(e) {
    ex = e;
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    exithandler();
  }

  function kill() {
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    killed = true;
    try { child.kill(options.killSignal); } catch (e) { ex = e; exithandler(); }
  }

  if (options.timeout > 0) {
    timeoutId = setTimeout(() => { kill(); timeoutId = null; }, options.timeout);
  }
  const maxBuffer = options.maxBuffer;
  if (child.stdout) {
    child.stdout.on('data', (chunk) => {
      stdoutLen += chunk.length;
      if (stdoutLen > maxBuffer) {
        const truncated = maxBuffer - (stdoutLen - chunk.length);
        stdoutChunks.push(chunk.subarray(0, truncated));
        ex = new (codes().ERR_CHILD_PROCESS_STDIO_MAXBUFFER)('stdout');
        kill();
      } else {
        stdoutChunks.push(chunk);
      }
    });
  }
  if (child.stderr) {
    child.stderr.on('data', (chunk) => {
      stderrLen += chunk.length;
      if (stderrLen > maxBuffer) {
        const truncated = maxBuffer - (stderrLen - chunk.length);
        stderrChunks.push(chunk.subarray(0, truncated));
        ex = new (codes().ERR_CHILD_PROCESS_STDIO_MAXBUFFER)('stderr');
        kill();
      } else {
        stderrChunks.push(chunk);
      }
    });
  }
  child.addListener('close', exithandler);
  child.addListener('error', errorhandler);
  return child;
}

function fork(modulePath, args, options) {
  if (typeof modulePath === 'object' && modulePath && modulePath.href) {
    modulePath = require('internal/modules/esm').fileURLToPath(modulePath.href);
  }
  validateString(modulePath, 'modulePath');
  if (args !== null && typeof args === 'object' && !Array.isArray(args)) { options = args; args = []; }
  args = args || [];
  options = { ...options };
  const execArgv = options.execArgv || process.execArgv;
  args = [...execArgv, modulePath, ...args];
  if (typeof options.stdio === 'string') {
    options.stdio = [...(options.stdio === 'inherit' ? [0, 1, 2] : [options.stdio, options.stdio, options.stdio]), 'ipc'];
  } else if (!Array.isArray(options.stdio)) {
    options.stdio = options.silent ? ['pipe', 'pipe', 'pipe', 'ipc'] : [0, 1, 2, 'ipc'];
  } else if (!options.stdio.includes('ipc')) {
    throw new (codes().ERR_CHILD_PROCESS_IPC_REQUIRED)('options.stdio');
  }
  options.shell = false;
  return spawn(options.execPath || process.execPath, args, options);
}

function spawnSync(file, args, options) {
  const opts = normalizeSpawnArguments(file, args, options);
  options = opts;
  const { stdio } = getValidStdio(opts.stdio || 'pipe', true);
  let input = opts.input;
  if (input !== undefined) {
    if (typeof input === 'string') input = Buffer.from(input, opts.encoding && opts.encoding !== 'buffer' ? opts.encoding : 'utf8');
    else if (!ArrayBuffer.isView(input)) {
      throw new (codes().ERR_INVALID_ARG_TYPE)('options.input', ['string', 'Buffer', 'TypedArray', 'DataView'], input);
    }
  }
  const killSignal = typeof opts.killSignal === 'string' ? signals[opts.killSignal] : (opts.killSignal || signals.SIGTERM);
  const result = nativeSpawnSync({
    file: opts.file, args: opts.args, cwd: opts.cwd, envPairs: opts.envPairs, stdio,
    detached: opts.detached, uid: opts.uid, gid: opts.gid, input,
    timeout: opts.timeout, killSignal, maxBuffer: opts.maxBuffer === undefined ? 1024 * 1024 : opts.maxBuffer,
  });
  const encoding = opts.encoding;
  if (result.output) {
    result.output = result.output.map((o) => {
      if (o === null) return null;
      const b = Buffer.from(o.buffer, o.byteOffset, o.byteLength);
      return encoding && encoding !== 'buffer' ? b.toString(encoding) : b;
    });
    result.stdout = result.output[1];
    result.stderr = result.output[2];
  } else {
    result.stdout = result.stderr = null;
  }
  if (result.error !== undefined) {
    const err = result.error;
    result.error = errnoException(err, `spawnSync ${opts.file}`);
    result.error.path = opts.file;
    result.error.spawnargs = opts.args.slice(1);
  }
  return result;
}

function checkExecSyncError(ret, args, cmd) {
  let err;
  if (ret.error) {
    err = ret.error;
    Object.assign(err, ret);
  } else if (ret.status !== 0) {
    let msg = 'Command failed: ';
    msg += cmd || args.join(' ');
    if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr.toString()}`;
    err = new Error(msg);
    Object.assign(err, ret);
  }
  return err;
}

function execFileSync(file, args, options) {
  if (args !== null && typeof args === 'object' && !Array.isArray(args)) { options = args; args = []; }
  options = { ...options };
  const inheritStderr = !options.stdio;
  const ret = spawnSync(file, args || [], options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, [file, ...(args || [])], undefined);
  if (err) throw err;
  return ret.stdout;
}

function execSync(command, options) {
  const opts = normalizeExecArgs(command, options, null);
  const inheritStderr = !opts.options.stdio;
  const ret = spawnSync(opts.file, opts.options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, opts.options.args, command);
  if (err) throw err;
  return ret.stdout;
}

const customPromisify = Symbol.for('nodejs.util.promisify.custom');
function promisified(fn) {
  return (...args) => {
    let child;
    const p = new Promise((resolve, reject) => {
      child = fn(...args, (err, stdout, stderr) => {
        if (err) { err.stdout = stdout; err.stderr = stderr; reject(err); }
        else resolve({ stdout, stderr });
      });
    });
    p.child = child;
    return p;
  };
}
Object.defineProperty(exec, customPromisify, { enumerable: false, value: promisified(exec) });
Object.defineProperty(execFile, customPromisify, { enumerable: false, value: promisified(execFile) });

module.exports = {
  ChildProcess, exec, execFile, execFileSync, execSync, fork, spawn, spawnSync, _forkChild() {},
};
