'use strict';
// internal/util: small helpers shared by builtin modules (promisify's
// symbols, deprecation warnings once per code, lone-surrogate repair,
// frozen empty object, lazy DOMException).

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');

const kEmptyObject = Object.freeze(Object.create(null));
const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const customPromisifySymbol = Symbol.for('nodejs.util.promisify.custom');
// Names given to the values of a multi-value callback, e.g. ['bytesRead',
// 'buffer'] for fs.read, so the promisified form resolves with an object.
const customPromisifyArgs = Symbol('customPromisifyArgs');

const codesWarned = new Set();

function deprecate(fn, msg, code) {
  if (typeof process === 'object' && process !== null && process.noDeprecation === true) {
    return fn;
  }
  if (code !== undefined && typeof code !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('code', 'string', code);
  }
  let warned = false;
  function deprecated(...args) {
    if (!warned) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
          codesWarned.add(code);
        }
      } else {
        process.emitWarning(msg, 'DeprecationWarning', deprecated);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  // The wrapper keeps fn's static properties and prototype.
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

// Replace lone surrogates with U+FFFD (String.prototype.toWellFormed).
function toUSVString(input) {
  const str = `${input}`;
  let out = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < str.length ? str.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      out += str.slice(last, i) + '\ufffd';
      last = i + 1;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      out += str.slice(last, i) + '\ufffd';
      last = i + 1;
    }
  }
  return last === 0 ? str : out + str.slice(last);
}

let DOMExceptionCtor;
function lazyDOMException(message, name) {
  if (DOMExceptionCtor === undefined) {
    DOMExceptionCtor = typeof globalThis.DOMException === 'function' ?
      globalThis.DOMException : require('internal/domexception').DOMException;
  }
  return new DOMExceptionCtor(message, name);
}

function getLazyDOMException() {
  lazyDOMException('', 'Error');
  return DOMExceptionCtor;
}

function once(callback) {
  let called = false;
  return function(...args) {
    if (called) return;
    called = true;
    return Reflect.apply(callback, this, args);
  };
}

function createDeferredPromise() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// Canonical name of a Buffer encoding ('utf8', 'utf16le', 'latin1',
// 'base64', 'base64url', 'hex', 'ascii'), or undefined if unknown.
function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  switch (`${enc}`.toLowerCase()) {
    case '':
    case 'utf8':
    case 'utf-8':
      return 'utf8';
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      return 'utf16le';
    case 'latin1':
    case 'binary':
      return 'latin1';
    case 'base64':
      return 'base64';
    case 'base64url':
      return 'base64url';
    case 'hex':
      return 'hex';
    case 'ascii':
      return 'ascii';
    default:
      return undefined;
  }
}

module.exports = {
  normalizeEncoding,
  kEmptyObject,
  customInspectSymbol,
  customPromisifySymbol,
  customPromisifyArgs,
  deprecate,
  toUSVString,
  lazyDOMException,
  getLazyDOMException,
  once,
  createDeferredPromise,
};
