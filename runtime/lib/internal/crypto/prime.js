'use strict';
// internal/crypto/prime — generatePrime(Sync) and checkPrime(Sync) with
// Node's validation, on internalBinding('crypto_prime').

const binding = internalBinding('crypto_prime');
const { codes } = require('internal/crypto/util');
const {
  validateInt32, validateObject, validateBoolean, validateFunction,
} = require('internal/validators');
const { bind: bindFrame } = require('internal/async_context');
const types = internalBinding('types');

function bigintToBytes(v) {
  let hex = v.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return require('buffer').Buffer.from(hex, 'hex');
}

function bytesToBigInt(ab) {
  const hex = require('buffer').Buffer.from(ab).toString('hex');
  return hex.length ? BigInt(`0x${hex}`) : 0n;
}

function toBytes(v, name) {
  if (typeof v === 'bigint') {
    if (v < 0n) throw new codes.ERR_OUT_OF_RANGE(name, '>= 0', v);
    return bigintToBytes(v);
  }
  if (types.isAnyArrayBuffer(v)) return new Uint8Array(v);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  throw new codes.ERR_INVALID_ARG_TYPE(name, ['ArrayBuffer', 'TypedArray', 'Buffer', 'DataView', 'bigint'], v);
}

function generateArgs(size, options) {
  validateInt32(size, 'size', 1);
  validateObject(options, 'options');
  const { safe = false, bigint = false } = options;
  let { add, rem } = options;
  validateBoolean(safe, 'options.safe');
  validateBoolean(bigint, 'options.bigint');
  if (add !== undefined) add = toBytes(add, 'options.add');
  if (rem !== undefined) rem = toBytes(rem, 'options.rem');
  if (add !== undefined) {
    const addBig = bytesToBigInt(add);
    if (BigInt(size) < BigInt(addBig.toString(2).length)) throw new codes.ERR_OUT_OF_RANGE('options.add', '', '');
    if (rem !== undefined && addBig <= bytesToBigInt(rem)) throw new codes.ERR_OUT_OF_RANGE('options.rem', '', '');
  }
  return { args: [size, safe, add === undefined ? null : add, rem === undefined ? null : rem], bigint };
}

// Node's message for add/rem range errors is "invalid options.add".
function fixMessage(err) {
  if (err && err.code === 'ERR_OUT_OF_RANGE' && /options\.(add|rem)/.test(err.message)) {
    err.message = `invalid ${err.message.match(/options\.(add|rem)/)[0]}`;
  }
  return err;
}

function generatePrimeSync(size, options = {}) {
  let g;
  try {
    g = generateArgs(size, options);
  } catch (e) {
    throw fixMessage(e);
  }
  const ab = binding.generate(...g.args);
  return g.bigint ? bytesToBigInt(ab) : ab;
}

function generatePrime(size, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  validateFunction(callback, 'callback');
  let g;
  try {
    g = generateArgs(size, options);
  } catch (e) {
    throw fixMessage(e);
  }
  callback = bindFrame(callback);
  binding.generate(...g.args, (err, ab) => {
    if (err) return callback(err);
    callback(undefined, g.bigint ? bytesToBigInt(ab) : ab);
  });
}

function checkArgs(candidate, options) {
  const bytes = toBytes(candidate, 'candidate');
  validateObject(options, 'options');
  const { checks = 0 } = options;
  validateInt32(checks, 'options.checks', 0);
  return [bytes, checks];
}

function checkPrimeSync(candidate, options = {}) {
  return binding.check(...checkArgs(candidate, options));
}

function checkPrime(candidate, options = {}, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  const args = checkArgs(candidate, options);
  validateFunction(callback, 'callback');
  callback = bindFrame(callback);
  binding.check(...args, (err, r) => {
    if (err) return callback(err);
    callback(undefined, r);
  });
}

module.exports = { generatePrime, generatePrimeSync, checkPrime, checkPrimeSync };
