'use strict';
// internal/readline/callbacks — readline.cursorTo / moveCursor / clearLine /
// clearScreenDown: write the ANSI sequence to a stream (a no-op, callback on
// the next tick, for a null stream or nothing to do).

const { codes: { ERR_INVALID_ARG_VALUE }, codes } = require('internal/errors');
const { validateFunction } = require('internal/validators');
const { CSI } = require('internal/readline/utils');

const { kClearLine, kClearScreenDown, kClearToLineBeginning, kClearToLineEnd } = CSI;

function ERR_INVALID_CURSOR_POS() {
  if (codes.ERR_INVALID_CURSOR_POS) return new codes.ERR_INVALID_CURSOR_POS();
  // Not (yet) in internal/errors: built here with Node 20's message and shape.
  const err = new TypeError('Cannot set cursor row without setting its column');
  err.code = 'ERR_INVALID_CURSOR_POS';
  if (typeof err.stack === 'string') {
    err.stack = err.stack.replace(/^TypeError:/, 'TypeError [ERR_INVALID_CURSOR_POS]:');
  }
  Object.defineProperty(err, 'toString', {
    __proto__: null,
    value() { return `${this.name} [${this.code}]: ${this.message}`; },
    enumerable: false, configurable: true, writable: true,
  });
  return err;
}

function noop(stream, callback) {
  if (typeof callback === 'function') process.nextTick(callback, null);
  return true;
}

function cursorTo(stream, x, y, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  if (Number.isNaN(x)) throw new ERR_INVALID_ARG_VALUE('x', x);
  if (Number.isNaN(y)) throw new ERR_INVALID_ARG_VALUE('y', y);
  if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) return noop(stream, callback);
  if (typeof x !== 'number') throw ERR_INVALID_CURSOR_POS();
  const data = typeof y !== 'number' ? CSI`${x + 1}G` : CSI`${y + 1};${x + 1}H`;
  return stream.write(data, callback);
}

function moveCursor(stream, dx, dy, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream == null || !(dx || dy)) return noop(stream, callback);
  let data = '';
  if (dx < 0) data += CSI`${-dx}D`;
  else if (dx > 0) data += CSI`${dx}C`;
  if (dy < 0) data += CSI`${-dy}A`;
  else if (dy > 0) data += CSI`${dy}B`;
  return stream.write(data, callback);
}

function clearLine(stream, dir, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream === null || stream === undefined) return noop(stream, callback);
  const type = dir < 0 ? kClearToLineBeginning : dir > 0 ? kClearToLineEnd : kClearLine;
  return stream.write(type, callback);
}

function clearScreenDown(stream, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream === null || stream === undefined) return noop(stream, callback);
  return stream.write(kClearScreenDown, callback);
}

module.exports = { clearLine, clearScreenDown, cursorTo, moveCursor, ERR_INVALID_CURSOR_POS };
