'use strict';
// readline — line-by-line reading of a stream (createInterface), with
// question()/prompt(), history and line editing when the input is a
// terminal, plus the ANSI cursor helpers (cursorTo, moveCursor, clearLine,
// clearScreenDown) and emitKeypressEvents.  readline.promises is the
// promise API (readline/promises).  See docs/runtime-streams.md.

const {
  Interface: BaseInterface,
  InterfaceConstructor,
  kQuestion,
  kQuestionCancel,
  kQuestionCallback,
  kOldPrompt,
  kPrompt,
  kDecoder,
  kLineBuffer,
  kPreviousKey,
  kSawKeyPress,
  kSawReturnAt,
} = require('internal/readline/interface');
const { clearLine, clearScreenDown, cursorTo, moveCursor } = require('internal/readline/callbacks');
const emitKeypressEvents = require('internal/readline/emitKeypressEvents');
const { validateAbortSignal } = require('internal/validators');
const { AbortError } = require('internal/errors');

let promisesModule;

// The callback API's completer is (line) => result or (line, cb); the
// shared Interface awaits a promise, so adapt it.
function adaptCompleter(completer) {
  if (completer.length !== 2) return (v) => completer(v);
  return (v) => new Promise((resolve, reject) => {
    completer(v, (err, value) => (err ? reject(err) : resolve(value)));
  });
}

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
  if (input && input.input && typeof input.completer === 'function') {
    input = { ...input, completer: adaptCompleter(input.completer) };
  } else if (typeof completer === 'function') {
    completer = adaptCompleter(completer);
  }
  Reflect.apply(InterfaceConstructor, this, [input, output, completer, terminal]);
}
Object.setPrototypeOf(Interface.prototype, BaseInterface.prototype);
Object.setPrototypeOf(Interface, BaseInterface);

// Old underscore names some programs still read or replace.
for (const [name, key] of [
  ['_decoder', kDecoder], ['_line_buffer', kLineBuffer], ['_oldPrompt', kOldPrompt],
  ['_previousKey', kPreviousKey], ['_prompt', kPrompt], ['_questionCallback', kQuestionCallback],
  ['_sawKeyPress', kSawKeyPress], ['_sawReturnAt', kSawReturnAt],
]) {
  Object.defineProperty(Interface.prototype, name, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return this[key]; },
    set(value) { this[key] = value; },
  });
}
Interface.prototype._getCursorPos = BaseInterface.prototype.getCursorPos;

Interface.prototype.question = function question(query, options, cb) {
  cb = typeof options === 'function' ? options : cb;
  if (options !== null && typeof options === 'object') {
    const { signal } = options;
    if (signal) {
      validateAbortSignal(signal, 'options.signal');
      if (signal.aborted) return;
      const onAbort = () => {
        this[kQuestionCancel]();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const cleanup = () => {
        signal.removeEventListener('abort', onAbort);
      };
      const originalCb = cb;
      cb = typeof cb === 'function' ? (answer) => {
        cleanup();
        return originalCb(answer);
      } : cleanup;
    }
  }
  if (typeof cb === 'function') this[kQuestion](query, cb);
};

Object.defineProperty(Interface.prototype.question, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null,
  configurable: true,
  enumerable: true,
  value: function question(query, options) {
    return new Promise((resolve, reject) => {
      let cb = resolve;
      if (options && options.signal) {
        validateAbortSignal(options.signal, 'options.signal');
        if (options.signal.aborted) {
          return reject(new AbortError(undefined, { cause: options.signal.reason }));
        }
        const onAbort = () => {
          reject(new AbortError(undefined, { cause: options.signal.reason }));
        };
        options.signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => {
          options.signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      this.question(query, options, cb);
    });
  },
});

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
};

Object.defineProperty(module.exports, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    if (promisesModule === undefined) promisesModule = require('readline/promises');
    return promisesModule;
  },
});
