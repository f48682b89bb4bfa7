'use strict';
// internal/util/colors: whether output to a stream gets ANSI colors, the
// way Node 20 decides it (FORCE_COLOR wins; otherwise a TTY whose color
// depth is above 2, which NO_COLOR / NODE_DISABLE_COLORS / TERM=dumb turn
// off).  Used by console, util.styleText and util.debuglog.

function env() {
  return (typeof process === 'object' && process !== null && process.env) || {};
}

// Color depth FORCE_COLOR asks for, or undefined when it is not set.
function forcedColorDepth() {
  const force = env().FORCE_COLOR;
  if (force === undefined) return undefined;
  switch (force) {
    case '':
    case '1':
    case 'true':
      return 4;
    case '2':
      return 8;
    case '3':
      return 24;
    default:
      return 1;
  }
}

function colorsDisabledByEnv() {
  const e = env();
  return e.NODE_DISABLE_COLORS !== undefined || e.NO_COLOR !== undefined ||
    e.TERM === 'dumb';
}

function shouldColorize(stream) {
  const forced = forcedColorDepth();
  if (forced !== undefined) return forced > 2;
  if (!stream || !stream.isTTY) return false;
  if (typeof stream.getColorDepth === 'function') return stream.getColorDepth() > 2;
  if (colorsDisabledByEnv()) return false;
  if (typeof stream.hasColors === 'function') return stream.hasColors() === true;
  return true;
}

module.exports = {
  shouldColorize,
  forcedColorDepth,
  colorsDisabledByEnv,
};
