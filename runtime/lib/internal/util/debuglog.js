'use strict';
// internal/util/debuglog: util.debuglog(section) — messages printed to
// stderr as "SECTION <pid>: message" when NODE_DEBUG names the section
// (comma separated, `*` wildcards, case-insensitive), a no-op otherwise.

const { format, formatWithOptions, inspect } = require('internal/util/inspect');

let debugImpls;
let testEnabled;

function initializeDebugEnv(debugEnv) {
  debugImpls = Object.create(null);
  if (debugEnv) {
    debugEnv = debugEnv.replace(/[|\\{}()[\]^$+?.]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/,/g, '$|^');
    const debugEnvRegex = new RegExp(`^${debugEnv}$`, 'i');
    testEnabled = (str) => debugEnvRegex.test(str);
  } else {
    testEnabled = () => false;
  }
}

function ensureInit() {
  if (debugImpls === undefined) {
    initializeDebugEnv(process.env && process.env.NODE_DEBUG);
  }
}

function noop() {}

function debuglogImpl(enabled, set) {
  if (debugImpls[set] === undefined) {
    if (enabled) {
      const pid = process.pid;
      debugImpls[set] = function debug(...args) {
        const colors = require('internal/util/colors').shouldColorize(process.stderr);
        const msg = formatWithOptions({ colors }, ...args);
        const coloredPID = inspect(pid, { colors });
        process.stderr.write(format('%s %s: %s\n', set, coloredPID, msg));
      };
    } else {
      debugImpls[set] = noop;
    }
  }
  return debugImpls[set];
}

function debuglog(set, cb) {
  function init() {
    ensureInit();
    set = set.toUpperCase();
    enabled = testEnabled(set);
  }
  let debug = (...args) => {
    init();
    debug = debuglogImpl(enabled, set);
    if (typeof cb === 'function') cb(debug);
    switch (args.length) {
      case 1: return debug(args[0]);
      case 2: return debug(args[0], args[1]);
      default: return debug(...args);
    }
  };
  let enabled;
  let test = () => {
    init();
    test = () => enabled;
    return enabled;
  };
  const logger = (...args) => {
    switch (args.length) {
      case 1: return debug(args[0]);
      case 2: return debug(args[0], args[1]);
      default: return debug(...args);
    }
  };
  Object.defineProperty(logger, 'enabled', {
    get() {
      return test();
    },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

module.exports = {
  debuglog,
  initializeDebugEnv,
};
