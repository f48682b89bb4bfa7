'use strict';
// internal/inspector/session — inspector.Session for `inspector` and
// `inspector/promises`: an in-process CDP session over
// internalBinding('inspector').connect (runtime/src/binding_inspector.c).
// Messages come back synchronously; replies go to the post() callback,
// notifications are emitted as 'inspectorNotification' and by method name,
// as Node does.

const EventEmitter = require('events');
const { validateFunction, validateObject, validateString } = require('internal/validators');
const binding = internalBinding('inspector');

const kErrors = {
  ERR_INSPECTOR_ALREADY_ACTIVATED:
    'Inspector is already activated. Close it with inspector.close() before activating it again.',
  ERR_INSPECTOR_ALREADY_CONNECTED: (what) => `${what} is already connected`,
  ERR_INSPECTOR_CLOSED: 'Session was closed',
  ERR_INSPECTOR_COMMAND: (code, message) => `Inspector error ${code}: ${message}`,
  ERR_INSPECTOR_NOT_ACTIVE: 'Inspector is not active',
  ERR_INSPECTOR_NOT_AVAILABLE: 'Inspector is not available',
  ERR_INSPECTOR_NOT_CONNECTED: 'Session is not connected',
};

function inspectorError(code, ...args) {
  const m = kErrors[code];
  const err = new Error(typeof m === 'function' ? m(...args) : m);
  err.code = code;
  if (typeof err.stack === 'string') err.stack = err.stack.replace(/^Error/, `Error [${code}]`);
  return err;
}

const kConnection = Symbol('connection');
const kCallbacks = Symbol('callbacks');
const kNextId = Symbol('nextId');
const kOnMessage = Symbol('onMessage');

class Session extends EventEmitter {
  constructor() {
    super();
    this[kConnection] = null;
    this[kCallbacks] = new Map();
    this[kNextId] = 1;
  }

  connect() {
    if (this[kConnection]) throw inspectorError('ERR_INSPECTOR_ALREADY_CONNECTED', 'The inspector session');
    if (!binding.isAvailable()) throw inspectorError('ERR_INSPECTOR_NOT_AVAILABLE');
    this[kConnection] = binding.connect((message) => this[kOnMessage](message));
  }

  connectToMainThread() {
    // devrun-js has no workers: the main thread is this thread.
    this.connect();
  }

  [kOnMessage](message) {
    const parsed = JSON.parse(message);
    try {
      if (parsed.id) {
        const callback = this[kCallbacks].get(parsed.id);
        this[kCallbacks].delete(parsed.id);
        if (callback) {
          if (parsed.error) {
            return callback(inspectorError('ERR_INSPECTOR_COMMAND', parsed.error.code, parsed.error.message));
          }
          callback(null, parsed.result);
        }
      } else {
        this.emit(parsed.method, parsed);
        this.emit('inspectorNotification', parsed);
      }
    } catch (error) {
      process.emitWarning(error);
    }
  }

  post(method, params, callback) {
    validateString(method, 'method');
    if (!callback && typeof params === 'function') {
      callback = params;
      params = null;
    }
    if (params) validateObject(params, 'params');
    if (callback) validateFunction(callback, 'callback');
    if (!this[kConnection]) throw inspectorError('ERR_INSPECTOR_NOT_CONNECTED');
    const id = this[kNextId]++;
    const message = { id, method };
    if (params) message.params = params;
    if (callback) this[kCallbacks].set(id, callback);
    this[kConnection].dispatch(JSON.stringify(message));
  }

  disconnect() {
    if (!this[kConnection]) return;
    this[kConnection].disconnect();
    this[kConnection] = null;
    const remaining = this[kCallbacks];
    this[kCallbacks] = new Map();
    for (const callback of remaining.values()) {
      process.nextTick(callback, inspectorError('ERR_INSPECTOR_CLOSED'));
    }
  }
}

module.exports = { Session, inspectorError };
