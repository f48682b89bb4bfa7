'use strict';
// internal/dgram — the UDP handle factory behind dgram (Node 20's
// lib/internal/dgram.js): a UDP handle whose lookup resolves for its family
// (dns.lookup with family 4 or 6, defaulting to the loopback address), and
// Node's two errno error shapes (ErrnoException: "recvmsg EBADF",
// ExceptionWithHostPort: "send ENETUNREACH 10.0.0.1:41234").

const { codes } = require('internal/errors');
const { UDP } = internalBinding('udp_wrap');
const { isInt32, validateFunction } = require('internal/validators');
const { ERR_SOCKET_BAD_TYPE } = codes;
const H = require('internal/async_hooks');
const AC = require('internal/async_context');
const kStateSymbol = Symbol('state symbol');
const owner_symbol = Symbol('owner_symbol');
const kAsyncFrame = Symbol('asyncFrame');
const UV_EINVAL = -22;
let dns; // Lazy load for startup performance.

function uvCode(err) {
  return internalBinding('errors').errName(err);
}

class ErrnoException extends Error {
  constructor(err, syscall, original) {
    const code = uvCode(err);
    const message = original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`;
    super(message);
    this.errno = err;
    this.code = code;
    this.syscall = syscall;
  }
}

class ExceptionWithHostPort extends Error {
  constructor(err, syscall, address, port, additional) {
    const code = uvCode(err);
    let details = '';
    if (port && port > 0) {
      details = ` ${address}:${port}`;
    } else if (address) {
      details = ` ${address}`;
    }
    if (additional) {
      details += ` - Local (${additional})`;
    }
    super(`${syscall} ${code}${details}`);
    this.errno = err;
    this.code = code;
    this.syscall = syscall;
    this.address = address;
    if (port) {
      this.port = port;
    }
  }
}

function lookup4(lookup, address, callback) {
  return lookup(address || '127.0.0.1', 4, callback);
}

function lookup6(lookup, address, callback) {
  return lookup(address || '::1', 6, callback);
}

// A UDP handle is an async resource (UDPWRAP, as in Node): made in the
// current async context (async_hooks id, AsyncLocalStorage frame), in which
// its message and error callbacks then run.
function initUDPResource(handle) {
  H.initHandle(handle, 'UDPWRAP');
  handle[kAsyncFrame] = AC.capture();
  return handle;
}

function runInHandle(handle, fn, args) {
  const run = () => H.runInResource(H.handleId(handle), handle[H.trigger_async_id_symbol], handle,
    fn, undefined, args);
  const frame = handle[kAsyncFrame];
  return frame === undefined ? run() : AC.runInFrame(frame, run, undefined);
}

// When the handle is closed: its destroy hook.
function destroyUDPResource(handle) {
  const id = H.handleId(handle);
  if (id !== 0 && H.destroyHooksExist()) H.emitDestroy(id);
}

function newHandle(type, lookup) {
  if (lookup === undefined) {
    if (dns === undefined) {
      dns = require('dns');
    }
    lookup = dns.lookup;
  } else {
    validateFunction(lookup, 'lookup');
  }

  if (type === 'udp4') {
    const handle = initUDPResource(new UDP());
    handle.lookup = lookup4.bind(handle, lookup);
    return handle;
  }

  if (type === 'udp6') {
    const handle = initUDPResource(new UDP());
    handle.lookup = lookup6.bind(handle, lookup);
    handle.bind = handle.bind6;
    handle.connect = handle.connect6;
    handle.send = handle.send6;
    return handle;
  }

  throw new ERR_SOCKET_BAD_TYPE();
}

function _createSocketHandle(address, port, addressType, fd, flags) {
  const handle = newHandle(addressType);
  let err;

  if (isInt32(fd) && fd > 0) {
    const type = internalBinding('stdio').guessHandleType(fd);
    if (type !== 'UDP') {
      err = UV_EINVAL;
    } else {
      err = handle.open(fd);
    }
  } else if (port || address) {
    err = handle.bind(address, port || 0, flags);
  }

  if (err) {
    handle.close();
    return err;
  }

  return handle;
}

module.exports = {
  kStateSymbol,
  owner_symbol,
  _createSocketHandle,
  newHandle,
  initUDPResource,
  runInHandle,
  destroyUDPResource,
  ErrnoException,
  ExceptionWithHostPort,
};
