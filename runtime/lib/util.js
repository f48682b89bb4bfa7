'use strict';
// util: Node's `util` module for devrun-js.  Formatting lives in
// internal/util/inspect, deep equality in internal/util/comparisons,
// debuglog in internal/util/debuglog; this file wires the public API.

const {
  codes: {
    ERR_FALSY_VALUE_REJECTION,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  format,
  formatWithOptions,
  inspect,
  stripVTControlCharacters,
} = require('internal/util/inspect');
const { debuglog } = require('internal/util/debuglog');
const {
  validateBoolean,
  validateFunction,
  validateNumber,
  validateOneOf,
  validateString,
  validateAbortSignal,
} = require('internal/validators');
const {
  deprecate,
  toUSVString,
  customPromisifySymbol,
  customPromisifyArgs,
} = require('internal/util');
const { isDeepStrictEqual } = require('internal/util/comparisons');
const { shouldColorize } = require('internal/util/colors');

const typesBinding = internalBinding('types');

// util.types: the predicates of the 'types' binding, in Node's order.
const typeNames = [
  'isExternal', 'isDate', 'isArgumentsObject', 'isBigIntObject',
  'isBooleanObject', 'isNumberObject', 'isStringObject', 'isSymbolObject',
  'isNativeError', 'isRegExp', 'isAsyncFunction', 'isGeneratorFunction',
  'isGeneratorObject', 'isPromise', 'isMap', 'isSet', 'isMapIterator',
  'isSetIterator', 'isWeakMap', 'isWeakSet', 'isArrayBuffer', 'isDataView',
  'isSharedArrayBuffer', 'isProxy', 'isModuleNamespaceObject',
  'isAnyArrayBuffer', 'isBoxedPrimitive', 'isArrayBufferView',
  'isTypedArray', 'isUint8Array', 'isUint8ClampedArray', 'isUint16Array',
  'isUint32Array', 'isInt8Array', 'isInt16Array', 'isInt32Array',
  'isFloat32Array', 'isFloat64Array', 'isBigInt64Array', 'isBigUint64Array',
];
const types = {};
for (const name of typeNames) {
  if (typeof typesBinding[name] === 'function') types[name] = typesBinding[name];
}
// No crypto in devrun-js yet: nothing is a KeyObject or CryptoKey.
// From the crypto module when it is built in (false where it is not, e.g.
// under the development harness that loads these files into Node).
function fromCrypto(id, name, obj) {
  let mod;
  try { mod = require(id); } catch { return false; }
  return typeof mod[name] === 'function' ? mod[name](obj) : false;
}
types.isKeyObject = function isKeyObject(obj) { return fromCrypto('internal/crypto/keys', 'isKeyObject', obj); };
types.isCryptoKey = function isCryptoKey(obj) {
  return fromCrypto('internal/crypto/webcrypto', 'isCryptoKey', obj);
};

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) {
    throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  }
  if (superCtor === undefined || superCtor === null) {
    throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', {
    value: superCtor, writable: true, configurable: true,
  });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function copyDescriptors(target, source) {
  const descriptors = Object.getOwnPropertyDescriptors(source);
  for (const d of Object.values(descriptors)) Object.setPrototypeOf(d, null);
  return Object.defineProperties(target, descriptors);
}

function promisify(original) {
  validateFunction(original, 'original');
  if (original[customPromisifySymbol]) {
    const fn = original[customPromisifySymbol];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, customPromisifySymbol, {
      value: fn, enumerable: false, writable: false, configurable: true,
    });
  }
  // Multi-value callbacks (fs.read and co.) resolve with an object.
  const argumentNames = original[customPromisifyArgs];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) {
            obj[argumentNames[i]] = values[i];
          }
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, customPromisifySymbol, {
    value: fn, enumerable: false, writable: false, configurable: true,
  });
  return copyDescriptors(fn, original);
}
promisify.custom = customPromisifySymbol;

function callbackifyOnRejected(reason, cb) {
  // A falsy rejection reason would look like success to the callback.
  if (!reason) {
    reason = new ERR_FALSY_VALUE_REJECTION(reason);
  }
  return cb(reason);
}

function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = maybeCb.bind(this);
    Reflect.apply(original, this, args)
      .then((ret) => process.nextTick(cb, null, ret),
            (rej) => process.nextTick(callbackifyOnRejected, rej, cb));
  }
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  for (const d of Object.values(descriptors)) Object.setPrototypeOf(d, null);
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

function styleText(format, text, { validateStream = true, stream = process.stdout } = {}) {
  validateString(text, 'text');
  validateBoolean(validateStream, 'options.validateStream');
  let skipColorize = false;
  if (validateStream) {
    if (stream === null || typeof stream !== 'object' || typeof stream.write !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    }
    skipColorize = !shouldColorize(stream);
  }
  const formatArray = Array.isArray(format) ? format : [format];
  let left = '';
  let right = '';
  for (const key of formatArray) {
    const formatCodes = inspect.colors[key];
    if (formatCodes == null) {
      validateOneOf(key, 'format', Object.keys(inspect.colors));
    }
    if (skipColorize) continue;
    left += `\u001b[${formatCodes[0]}m`;
    right = `\u001b[${formatCodes[1]}m${right}`;
  }
  return skipColorize ? text : `${left}${text}${right}`;
}

function aborted(signal, resource) {
  if (signal === undefined) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  validateAbortSignal(signal, 'signal');
  if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('resource', 'Object', resource);
  }
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

// Legacy helpers (deprecated in Node's docs, still exported).
function isBoolean(arg) { return typeof arg === 'boolean'; }
function isNull(arg) { return arg === null; }
function isNullOrUndefined(arg) { return arg === null || arg === undefined; }
function isNumber(arg) { return typeof arg === 'number'; }
function isString(arg) { return typeof arg === 'string'; }
function isSymbol(arg) { return typeof arg === 'symbol'; }
function isUndefined(arg) { return arg === undefined; }
function isObject(arg) { return arg !== null && typeof arg === 'object'; }
function isFunction(arg) { return typeof arg === 'function'; }
function isPrimitive(arg) {
  return arg === null || (typeof arg !== 'object' && typeof arg !== 'function');
}
function isError(e) {
  return typesBinding.isNativeError(e) || e instanceof Error;
}
function isBuffer(arg) {
  try {
    return require('buffer').Buffer.isBuffer(arg);
  } catch {
    return false;
  }
}

function pad(n) {
  return n.toString().padStart(2, '0');
}
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep',
                'Oct', 'Nov', 'Dec'];
function timestamp() {
  const d = new Date();
  const t = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return `${d.getDate()} ${months[d.getMonth()]} ${t}`;
}
function log(...args) {
  console.log('%s - %s', timestamp(), format(...args));
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

let parseArgsImpl;

let errmap;
function getSystemErrorMap() {
  if (errmap === undefined) {
    errmap = new Map();
    for (const [code, name, message] of require('internal/util/uv_errmap')) {
      errmap.set(code, [name, message]);
    }
  }
  return errmap;
}

function getSystemErrorName(err) {
  validateNumber(err, 'err');
  if (err >= 0 || !Number.isSafeInteger(err)) {
    throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  }
  const entry = getSystemErrorMap().get(err);
  return entry !== undefined ? entry[0] : `Unknown system error ${err}`;
}

// util.parseEnv(content): the .env format as Node 20's parser reads it
// (KEY=value lines, # comments, 'export ' prefixes, quoted values where
// double quotes expand \n, an unquoted value ends at '#').  Keys come out
// sorted, as Node keeps them in a sorted map.
function parseEnv(content) {
  validateString(content, 'content');
  const store = new Map();
  // Only spaces are trimmed (not tabs or newlines), as in Node.
  const isSpace = (c) => c === ' ';
  const trim = (str) => {
    let a = 0;
    let b = str.length;
    while (a < b && isSpace(str[a])) a++;
    while (b > a && isSpace(str[b - 1])) b--;
    return str.slice(a, b);
  };
  let rest = trim(content.replace(/\r/g, ''));
  while (rest.length > 0) {
    if (rest[0] === '\n' || rest[0] === '#') {
      const newline = rest.indexOf('\n');
      if (newline !== -1) {
        rest = rest.slice(newline + 1);
        continue;
      }
    }
    const equal = rest.indexOf('=');
    if (equal === -1) break;
    let key = trim(rest.slice(0, equal));
    rest = rest.slice(equal + 1);
    if (key === '') break;
    if (key.startsWith('export ')) key = key.slice(7);
    if (rest === '') {
      store.set(key, '');
      break;
    }
    if (rest[0] === '\n') {
      store.set(key, '');
      continue;
    }
    rest = trim(rest);
    if (rest === '') {
      store.set(key, '');
      break;
    }
    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      const closing = rest.indexOf(quote, 1);
      if (closing === -1) {
        // Unterminated: the rest of the line, quote included.
        const newline = rest.indexOf('\n');
        if (newline === -1) break;
        store.set(key, rest.slice(0, newline));
        rest = rest.slice(newline);
        continue;
      }
      let value = rest.slice(1, closing);
      if (quote === '"') value = value.replace(/\\n/g, '\n');
      store.set(key, value);
      const newline = rest.indexOf('\n', closing + 1);
      rest = newline !== -1 ? rest.slice(newline + 1) : rest.slice(closing + 1);
      continue;
    }
    const newline = rest.indexOf('\n');
    let value = newline !== -1 ? rest.slice(0, newline) : rest;
    const hash = value.indexOf('#');
    if (hash !== -1) value = value.slice(0, hash);
    rest = newline !== -1 ? rest.slice(newline + 1) : '';
    store.set(key, trim(value));
  }
  const result = {};
  for (const key of [...store.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    result[key] = store.get(key);
  }
  return result;
}

module.exports = {
  // deprecated in documentation only in Node 20 (DEP0060 warns from Node 22
  // on); http-proxy, used by dev servers, calls it on every request
  _extend,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  getSystemErrorMap,
  getSystemErrorName,
  parseEnv,
  styleText,
  formatWithOptions,
  inherits,
  inspect,
  isArray: Array.isArray,
  isBoolean,
  isBuffer,
  isDeepStrictEqual,
  isNull,
  isNullOrUndefined,
  isNumber,
  isString,
  isSymbol,
  isUndefined,
  isRegExp: typesBinding.isRegExp,
  isObject,
  isDate: typesBinding.isDate,
  isError,
  isFunction,
  isPrimitive,
  log,
  promisify,
  stripVTControlCharacters,
  toUSVString,
  aborted,
  types,
};

Object.defineProperty(module.exports, 'parseArgs', {
  get() {
    if (parseArgsImpl === undefined) parseArgsImpl = require('internal/util/parse_args').parseArgs;
    return parseArgsImpl;
  },
  enumerable: true,
  configurable: true,
});

for (const name of ['MIMEType', 'MIMEParams']) {
  Object.defineProperty(module.exports, name, {
    get() {
      return require('internal/mime')[name];
    },
    enumerable: true,
    configurable: true,
  });
}

// TextEncoder/TextDecoder are re-exported when the runtime provides them.
for (const name of ['TextEncoder', 'TextDecoder']) {
  if (typeof globalThis[name] === 'function') {
    Object.defineProperty(module.exports, name, {
      value: globalThis[name], enumerable: true, configurable: true, writable: true,
    });
  }
}
