'use strict';
// internal/console: the Console class and the global console of devrun-js.
//
//   const { Console, createGlobalConsole } = require('internal/console');
//   globalThis.console = createGlobalConsole();   // done by the bootstrap
//
// Output goes to `stream.write(string)` of process.stdout / process.stderr
// (or the streams given to `new Console(...)`), formatted with
// util.formatWithOptions exactly as Node 20 does; colors are used when the
// stream is a TTY with colors (FORCE_COLOR / NO_COLOR honoured), see
// internal/util/colors.  Methods are bound to their console, so
// `const { log } = console` works.  console.table is drawn by
// internal/cli_table.

const {
  codes: {
    ERR_CONSOLE_WRITABLE_STREAM,
    ERR_INCOMPATIBLE_OPTION_PAIR,
  },
} = require('internal/errors');
const {
  validateArray, validateInteger, validateObject, validateOneOf,
} = require('internal/validators');
const { inspect, formatWithOptions } = require('internal/util/inspect');
const { shouldColorize } = require('internal/util/colors');

const { previewEntries } = internalBinding('util');
const { isMap, isMapIterator, isSet, isSetIterator } = internalBinding('types');

const kCounts = Symbol('counts');
const kColorMode = Symbol('kColorMode');
const kIsConsole = Symbol('kIsConsole');
const kWriteToConsole = Symbol('kWriteToConsole');
const kBindProperties = Symbol('kBindProperties');
const kBindStreamsEager = Symbol('kBindStreamsEager');
const kBindStreamsLazy = Symbol('kBindStreamsLazy');
const kUseStdout = Symbol('kUseStdout');
const kUseStderr = Symbol('kUseStderr');
const kGroupIndent = Symbol('kGroupIndent');
const kGroupIndentationWidth = Symbol('kGroupIndentWidth');
const kFormatForStdout = Symbol('kFormatForStdout');
const kFormatForStderr = Symbol('kFormatForStderr');
const kGetInspectOptions = Symbol('kGetInspectOptions');

const optionsMap = new WeakMap();
const kColorInspectOptions = { colors: true };
const kNoColorInspectOptions = {};

const keyKey = 'Key';
const valuesKey = 'Values';
const indexKey = '(index)';
const iterKey = '(iteration index)';

function noop() {}

function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
  if (!new.target) {
    return Reflect.construct(Console, arguments);
  }
  if (!options || typeof options.write === 'function') {
    options = {
      stdout: options,
      stderr: arguments[1],
      ignoreErrors: arguments[2],
    };
  }
  const {
    stdout,
    stderr = stdout,
    ignoreErrors = true,
    colorMode = 'auto',
    inspectOptions,
    groupIndentation,
  } = options;

  if (!stdout || typeof stdout.write !== 'function') {
    throw new ERR_CONSOLE_WRITABLE_STREAM('stdout');
  }
  if (!stderr || typeof stderr.write !== 'function') {
    throw new ERR_CONSOLE_WRITABLE_STREAM('stderr');
  }
  validateOneOf(colorMode, 'colorMode', ['auto', true, false]);
  if (groupIndentation !== undefined) {
    validateInteger(groupIndentation, 'groupIndentation', 0, 1000);
  }
  if (inspectOptions !== undefined) {
    validateObject(inspectOptions, 'options.inspectOptions');
    if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
      throw new ERR_INCOMPATIBLE_OPTION_PAIR('options.inspectOptions.color', 'colorMode');
    }
    optionsMap.set(this, inspectOptions);
  }

  // Bind the prototype functions to this Console instance.
  for (const key of Object.keys(Console.prototype)) {
    this[key] = Console.prototype[key].bind(this);
    Object.defineProperty(this[key], 'name', { value: key });
  }

  this[kBindStreamsEager](stdout, stderr);
  this[kBindProperties](ignoreErrors, colorMode, groupIndentation);
}

const consolePropAttributes = {
  writable: true,
  enumerable: false,
  configurable: true,
};

Object.defineProperty(Console, Symbol.hasInstance, {
  value(instance) {
    return instance !== null && typeof instance === 'object' && instance[kIsConsole] === true;
  },
});

const kInternals = {
  [kBindStreamsEager](stdout, stderr) {
    Object.defineProperties(this, {
      _stdout: { ...consolePropAttributes, value: stdout },
      _stderr: { ...consolePropAttributes, value: stderr },
    });
  },

  // The global console reads process.stdout/stderr only when first used.
  [kBindStreamsLazy](object) {
    let stdout;
    let stderr;
    Object.defineProperties(this, {
      _stdout: {
        enumerable: false,
        configurable: true,
        get() {
          if (!stdout) stdout = object.stdout;
          return stdout;
        },
        set(value) { stdout = value; },
      },
      _stderr: {
        enumerable: false,
        configurable: true,
        get() {
          if (!stderr) stderr = object.stderr;
          return stderr;
        },
        set(value) { stderr = value; },
      },
    });
  },

  [kBindProperties](ignoreErrors, colorMode, groupIndentation = 2) {
    Object.defineProperties(this, {
      _stdoutErrorHandler: { ...consolePropAttributes, value: noop },
      _stderrErrorHandler: { ...consolePropAttributes, value: noop },
      _ignoreErrors: { ...consolePropAttributes, value: Boolean(ignoreErrors) },
      _times: { ...consolePropAttributes, value: new Map() },
      [kCounts]: { ...consolePropAttributes, value: new Map() },
      [kColorMode]: { ...consolePropAttributes, value: colorMode },
      [kIsConsole]: { ...consolePropAttributes, value: true },
      [kGroupIndent]: { ...consolePropAttributes, value: '' },
      [kGroupIndentationWidth]: { ...consolePropAttributes, value: groupIndentation },
      [Symbol.toStringTag]: {
        writable: false, enumerable: false, configurable: true, value: 'console',
      },
    });
  },

  [kWriteToConsole](streamSymbol, string) {
    const ignoreErrors = this._ignoreErrors;
    const groupIndent = this[kGroupIndent];
    const useStdout = streamSymbol === kUseStdout;
    const stream = useStdout ? this._stdout : this._stderr;
    const errorHandler = useStdout ? this._stdoutErrorHandler : this._stderrErrorHandler;

    if (groupIndent.length !== 0) {
      if (string.includes('\n')) {
        string = string.replace(/\n/g, `\n${groupIndent}`);
      }
      string = groupIndent + string;
    }
    string += '\n';

    if (ignoreErrors === false) return stream.write(string);

    // Swallow write errors, synchronous or asynchronous (an 'error' event).
    const canListen = typeof stream.listenerCount === 'function' &&
      typeof stream.once === 'function' && typeof stream.removeListener === 'function';
    try {
      if (canListen && stream.listenerCount('error') === 0) {
        stream.once('error', noop);
      }
      stream.write(string, errorHandler);
    } catch (e) {
      if (e instanceof RangeError && e.message === 'Maximum call stack size exceeded') throw e;
    } finally {
      if (canListen) stream.removeListener('error', noop);
    }
  },

  [kGetInspectOptions](stream) {
    let color = this[kColorMode];
    if (color === 'auto') {
      color = shouldColorize(stream);
    }
    const options = optionsMap.get(this);
    if (options) {
      if (options.colors === undefined) {
        options.colors = color;
      }
      return options;
    }
    return color ? kColorInspectOptions : kNoColorInspectOptions;
  },

  [kFormatForStdout](args) {
    const opts = this[kGetInspectOptions](this._stdout);
    return formatWithOptions(opts, ...args);
  },

  [kFormatForStderr](args) {
    const opts = this[kGetInspectOptions](this._stderr);
    return formatWithOptions(opts, ...args);
  },
};

function pad(value) {
  return `${value}`.padStart(2, '0');
}

const kSecond = 1000;
const kMinute = 60 * kSecond;
const kHour = 60 * kMinute;

function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= kSecond) {
    if (ms >= kMinute) {
      if (ms >= kHour) {
        hours = Math.floor(ms / kHour);
        ms = ms % kHour;
      }
      minutes = Math.floor(ms / kMinute);
      ms = ms % kMinute;
    }
    seconds = ms / kSecond;
  }
  if (hours !== 0 || minutes !== 0) {
    ({ 0: seconds, 1: ms } = seconds.toFixed(3).split('.'));
    const res = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${res}:${pad(seconds)}.${ms} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) {
    return `${seconds.toFixed(3)}s`;
  }
  return `${Number(ms.toFixed(3))}ms`;
}

function now() {
  if (typeof process.hrtime === 'function') return process.hrtime();
  return globalThis.performance.now();
}

function elapsedMs(start) {
  if (Array.isArray(start)) {
    const d = process.hrtime(start);
    return d[0] * 1000 + d[1] / 1e6;
  }
  return globalThis.performance.now() - start;
}

function timeLogImpl(self, name, label, data) {
  const time = self._times.get(label);
  if (time === undefined) {
    process.emitWarning(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const formatted = formatTime(elapsedMs(time));
  if (data === undefined) {
    self.log('%s: %s', label, formatted);
  } else {
    self.log('%s: %s', label, formatted, ...data);
  }
  return true;
}

const consoleMethods = {
  log(...args) {
    this[kWriteToConsole](kUseStdout, this[kFormatForStdout](args));
  },

  warn(...args) {
    this[kWriteToConsole](kUseStderr, this[kFormatForStderr](args));
  },

  dir(object, options) {
    this[kWriteToConsole](kUseStdout, inspect(object, {
      customInspect: false,
      ...this[kGetInspectOptions](this._stdout),
      ...options,
    }));
  },

  time(label = 'default') {
    label = `${label}`;
    if (this._times.has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this._times.set(label, now());
  },

  timeEnd(label = 'default') {
    label = `${label}`;
    const found = timeLogImpl(this, 'timeEnd', label);
    if (found) {
      this._times.delete(label);
    }
  },

  timeLog(label = 'default', ...data) {
    label = `${label}`;
    timeLogImpl(this, 'timeLog', label, data);
  },

  trace: function trace(...args) {
    const err = {
      name: 'Trace',
      message: this[kFormatForStderr](args),
    };
    Error.captureStackTrace(err, trace);
    this.error(err.stack);
  },

  assert(expression, ...args) {
    if (!expression) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      Reflect.apply(this.warn, this, args);
    }
  },

  // Defined by the spec as a no-op on Node's side: only resets the counters.
  clear() {
    if (this._stdout && this._stdout.isTTY && process.env.TERM !== 'dumb') {
      // Move the cursor home and clear the screen.
      this._stdout.write('\u001b[1;1H\u001b[0J');
    }
  },

  count(label = 'default') {
    label = `${label}`;
    const counts = this[kCounts];
    let count = counts.get(label);
    if (count === undefined) {
      count = 1;
    } else {
      count++;
    }
    counts.set(label, count);
    this.log(`${label}: ${count}`);
  },

  countReset(label = 'default') {
    const counts = this[kCounts];
    if (!counts.has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    counts.delete(`${label}`);
  },

  group(...data) {
    if (data.length > 0) {
      Reflect.apply(this.log, this, data);
    }
    this[kGroupIndent] += ' '.repeat(this[kGroupIndentationWidth]);
  },

  groupEnd() {
    this[kGroupIndent] = this[kGroupIndent].slice(
      0, this[kGroupIndent].length - this[kGroupIndentationWidth]);
  },

  table(tabularData, properties) {
    if (properties !== undefined) {
      validateArray(properties, 'properties');
    }
    if (tabularData === null || typeof tabularData !== 'object') {
      return this.log(tabularData);
    }
    const cliTable = require('internal/cli_table');
    const final = (k, v) => this.log(cliTable(k, v));

    const _inspect = (v) => {
      const depth = v !== null && typeof v === 'object' && !Array.isArray(v) &&
        Object.keys(v).length > 2 ? -1 : 0;
      const opt = {
        depth,
        maxArrayLength: 3,
        breakLength: Infinity,
        ...this[kGetInspectOptions](this._stdout),
      };
      return inspect(v, opt);
    };
    const getIndexArray = (length) => Array.from({ length }, (_, i) => _inspect(i));

    const mapIter = isMapIterator(tabularData);
    let isKeyValue = false;
    let i = 0;
    if (mapIter) {
      const res = previewEntries(tabularData, true);
      tabularData = res[0];
      isKeyValue = res[1];
    }

    if (isKeyValue || isMap(tabularData)) {
      const keys = [];
      const values = [];
      let length = 0;
      if (mapIter) {
        for (; i < tabularData.length / 2; ++i) {
          keys.push(_inspect(tabularData[i * 2]));
          values.push(_inspect(tabularData[i * 2 + 1]));
          length++;
        }
      } else {
        for (const { 0: k, 1: v } of tabularData) {
          keys.push(_inspect(k));
          values.push(_inspect(v));
          length++;
        }
      }
      return final([iterKey, keyKey, valuesKey], [getIndexArray(length), keys, values]);
    }

    const setIter = isSetIterator(tabularData);
    if (setIter) tabularData = previewEntries(tabularData);

    const setlike = setIter || mapIter || isSet(tabularData);
    if (setlike) {
      const values = [];
      let length = 0;
      for (const v of tabularData) {
        values.push(_inspect(v));
        length++;
      }
      return final([iterKey, valuesKey], [getIndexArray(length), values]);
    }

    const map = Object.create(null);
    let hasPrimitives = false;
    const valuesKeyArray = [];
    const indexKeyArray = Object.keys(tabularData);

    for (; i < indexKeyArray.length; i++) {
      const item = tabularData[indexKeyArray[i]];
      const primitive = item === null ||
        (typeof item !== 'function' && typeof item !== 'object');
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        valuesKeyArray[i] = _inspect(item);
      } else {
        const keys = properties || Object.keys(item);
        for (const key of keys) {
          if (map[key] === undefined || map[key] === null) map[key] = [];
          if ((primitive && properties) ||
              !Object.prototype.hasOwnProperty.call(item, key)) {
            map[key][i] = '';
          } else {
            map[key][i] = _inspect(item[key]);
          }
        }
      }
    }

    const keys = Object.keys(map);
    const values = Object.values(map);
    if (hasPrimitives) {
      keys.push(valuesKey);
      values.push(valuesKeyArray);
    }
    keys.unshift(indexKey);
    values.unshift(indexKeyArray);

    return final(keys, values);
  },
};

// Prototype: the public methods (enumerable, in Node's order) plus the
// non-enumerable internals.
Console.prototype.log = consoleMethods.log;
Console.prototype.warn = consoleMethods.warn;
Console.prototype.dir = consoleMethods.dir;
Console.prototype.time = consoleMethods.time;
Console.prototype.timeEnd = consoleMethods.timeEnd;
Console.prototype.timeLog = consoleMethods.timeLog;
Console.prototype.trace = consoleMethods.trace;
Console.prototype.assert = consoleMethods.assert;
Console.prototype.clear = consoleMethods.clear;
Console.prototype.count = consoleMethods.count;
Console.prototype.countReset = consoleMethods.countReset;
Console.prototype.group = consoleMethods.group;
Console.prototype.groupEnd = consoleMethods.groupEnd;
Console.prototype.table = consoleMethods.table;
Console.prototype.debug = consoleMethods.log;
Console.prototype.info = consoleMethods.log;
Console.prototype.dirxml = consoleMethods.log;
Console.prototype.error = consoleMethods.warn;
Console.prototype.groupCollapsed = consoleMethods.group;
for (const sym of Object.getOwnPropertySymbols(kInternals)) {
  Object.defineProperty(Console.prototype, sym, {
    ...consolePropAttributes, value: kInternals[sym],
  });
}

// The global console: like Node's, not an instance created by `new Console`
// but an object with bound methods, lazily bound to process.stdout/stderr.
function createGlobalConsole(proc = process) {
  const globalConsole = Object.create({});
  for (const prop of Reflect.ownKeys(Console.prototype)) {
    if (prop === 'constructor') continue;
    const desc = Reflect.getOwnPropertyDescriptor(Console.prototype, prop);
    if (typeof desc.value === 'function') {
      desc.value = desc.value.bind(globalConsole);
      Reflect.defineProperty(desc.value, 'name', { value: prop });
    }
    Reflect.defineProperty(globalConsole, prop, desc);
  }
  globalConsole[kBindStreamsLazy](proc);
  globalConsole[kBindProperties](true, 'auto');
  // `console.Console` is how users make their own consoles.
  Object.defineProperty(globalConsole, 'Console', {
    writable: true, enumerable: true, configurable: true, value: Console,
  });
  // Inspector-only methods (V8's console): without an inspector session
  // they do nothing, as in Node.
  const inspectorOnly = {
    profile() {},
    profileEnd() {},
    timeStamp() {},
    context(name) {
      // A console whose output would only reach an inspector.
      const ctx = {};
      for (const key of ['dir', 'dirXml', 'table', 'groupEnd', 'clear', 'count',
        'countReset', 'profile', 'profileEnd', 'timeLog', 'debug', 'error', 'info',
        'log', 'warn', 'trace', 'group', 'groupCollapsed', 'assert', 'time',
        'timeEnd', 'timeStamp']) {
        ctx[key] = { [key]() {} }[key];
      }
      return ctx;
    },
    createTask(name) {
      if (typeof name !== 'string' || name === '') {
        throw new Error('First argument must be a non-empty string.');
      }
      return { run: { run(fn) { return fn(); } }.run };
    },
  };
  for (const name of Object.keys(inspectorOnly)) {
    Object.defineProperty(globalConsole, name, {
      writable: true, enumerable: true, configurable: true,
      value: inspectorOnly[name],
    });
  }
  return globalConsole;
}

module.exports = {
  Console,
  createGlobalConsole,
  formatTime,
  kBindStreamsLazy,
  kBindProperties,
};
